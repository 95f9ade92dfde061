import { Counter, type Registry } from 'prom-client';

/** What webhook delivery counts, on the app's registry (`app.metrics`). */
export interface WebhookMetrics {
  attempts: Counter<'outcome'>;
  paused: Counter;
}

function counterOn<L extends string>(registry: Registry, name: string, help: string, labelNames: L[]) {
  // Several deliverers may share one app (tests run two replicas in one process): one counter each.
  const existing = registry.getSingleMetric(name);
  if (existing instanceof Counter) return existing as Counter<L>;
  return new Counter<L>({ name, help, labelNames, registers: [registry] });
}

export function webhookMetricsOn(registry: Registry): WebhookMetrics {
  return {
    attempts: counterOn(
      registry,
      'oversight_webhook_deliveries_total',
      'Webhook delivery attempts, by outcome (delivered, failed)',
      ['outcome'],
    ),
    paused: counterOn(
      registry,
      'oversight_webhooks_paused_total',
      'Webhooks paused after failing too many deliveries in a row',
      [],
    ),
  };
}
