import { FastifyOtelInstrumentation } from '@fastify/otel';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { AmqplibInstrumentation } from '@opentelemetry/instrumentation-amqplib';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  NodeTracerProvider,
  SimpleSpanProcessor,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { FastifyPluginCallback } from 'fastify';
import type { BaseConfig } from './config.ts';

/** What `startTracing` set up; pass it to `buildServiceApp` so requests get server spans. */
export interface Tracing {
  enabled: boolean;
  /** The @fastify/otel plugin to register first in the app; absent when tracing is off. */
  fastifyPlugin: FastifyPluginCallback | undefined;
  /** Flushes pending spans and stops exporting. */
  shutdown(): Promise<void>;
}

export type TracingConfig = Pick<BaseConfig, 'OTEL_ENABLED' | 'OTEL_EXPORTER_OTLP_ENDPOINT' | 'SERVICE_NAME'>;

export interface TracingOptions {
  /** Replaces the OTLP exporter (tests pass an InMemorySpanExporter); spans are then exported at once. */
  exporter?: SpanExporter;
}

const disabled: Tracing = { enabled: false, fastifyPlugin: undefined, shutdown: async () => {} };

/**
 * Starts OpenTelemetry when OTEL_ENABLED is true, else does nothing at all (no global provider,
 * no patched modules). Call it first in main.ts, before amqplib is loaded, so the amqplib
 * instrumentation can wrap it and a trace follows a request through the bus.
 */
export function startTracing(config: TracingConfig, options: TracingOptions = {}): Tracing {
  if (!config.OTEL_ENABLED) return disabled;
  const exporter =
    options.exporter ??
    new OTLPTraceExporter({ url: new URL('/v1/traces', config.OTEL_EXPORTER_OTLP_ENDPOINT).toString() });
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: config.SERVICE_NAME }),
    spanProcessors: [options.exporter ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter)],
  });
  // Sets the global tracer provider, W3C trace-context propagator and async-hooks context manager.
  provider.register();
  const fastifyOtel = new FastifyOtelInstrumentation({ registerOnInitialization: false });
  const unregister = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [fastifyOtel, new AmqplibInstrumentation()],
  });
  return {
    enabled: true,
    fastifyPlugin: fastifyOtel.plugin(),
    shutdown: async () => {
      unregister();
      await provider.shutdown();
    },
  };
}
