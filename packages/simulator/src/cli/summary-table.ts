import type { RunSummary } from '../run/run-plan.ts';

/** A plain-text table: the first column left-aligned, the others right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
}

const ms = (value: number | null) => (value === null ? '-' : value.toFixed(1));

/** The end-of-run summary for people: totals, a table of routes by status code, notifications, failures. */
export function summaryLines(summary: RunSummary): string[] {
  const r = summary.requests;
  const lines = [
    `simulate: seed ${summary.seed}, ${summary.elapsedS} s, ${summary.rate.target} req/s planned, ${summary.rate.achieved} sent, concurrency ${summary.concurrency}`,
    `requests: ${r.planned} planned, ${r.sent} sent, ${r.ok} ok, ${r.failed} failed, ${r.refusedAsPlanned} refused as planned, ${r.skipped} skipped, ${r.notSent} not sent at the end, ${r.rateLimited} rate-limited (429, retried)`,
    `latency: p50 ${ms(summary.latencyMs.p50)} ms, p99 ${ms(summary.latencyMs.p99)} ms, max ${ms(summary.latencyMs.max)} ms`,
    '',
  ];
  const statuses = [...new Set(summary.routes.flatMap((route) => Object.keys(route.byStatus)))].sort();
  lines.push(
    ...table(
      ['route', ...statuses, 'p50 ms', 'p99 ms'],
      summary.routes.map((route) => [
        route.route,
        ...statuses.map((status) => String(route.byStatus[status] ?? '')),
        ms(route.latencyMs.p50),
        ms(route.latencyMs.p99),
      ]),
    ),
  );
  const notifications = summary.notifications;
  if (notifications !== undefined) {
    lines.push('');
    if ('error' in notifications) {
      lines.push(`notifications: not read (${notifications.error})`);
    } else {
      const raised =
        notifications.raisedDuringRun === null ? 'unknown' : String(notifications.raisedDuringRun);
      lines.push(
        `notifications raised during the run: ${raised} (${notifications.source}, snapshot of ${notifications.generatedAt})`,
      );
      lines.push(
        ...table(
          ['open notifications by rule', 'open', 'change'],
          notifications.openByRule.map((rule) => [
            rule.ruleId,
            String(rule.open),
            rule.change === null ? '' : rule.change > 0 ? `+${rule.change}` : String(rule.change),
          ]),
        ),
      );
    }
  }
  if (summary.failures.length > 0) {
    lines.push('', 'first failures:');
    for (const failure of summary.failures.slice(0, 8)) {
      lines.push(
        `  #${failure.seq} ${failure.route} -> ${failure.status} (${failure.story}: ${failure.step}) ${failure.problem}`,
      );
    }
  }
  return lines;
}
