const LEVELS: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO ',
  40: 'WARN ',
  50: 'ERROR',
  60: 'FATAL',
};

const COLORS = [36, 35, 33, 32, 34];
const paint = (code: number, text: string) => `\u001b[${code}m${text}\u001b[0m`;

/** Fields of a pino line worth a glance; the rest stays in the JSON a service writes in production. */
function detailsOf(entry: Record<string, unknown>): string {
  const parts: string[] = [];
  const req = entry.req as { method?: string; url?: string } | undefined;
  if (req?.method !== undefined) parts.push(`${req.method} ${req.url ?? ''}`);
  const res = entry.res as { statusCode?: number } | undefined;
  if (res?.statusCode !== undefined) parts.push(String(res.statusCode));
  if (typeof entry.responseTime === 'number') parts.push(`${entry.responseTime.toFixed(1)}ms`);
  const err = entry.err as { message?: string } | undefined;
  if (err?.message !== undefined) parts.push(`error: ${err.message}`);
  return parts.join(' ');
}

/**
 * Turns one line of a service's output into a readable line prefixed by the service: pino JSON is
 * shortened to time, level, message and the request's essentials; anything else passes as it is.
 */
export function formatLogLine(service: string, index: number, line: string, color: boolean): string {
  const prefix = color ? paint(COLORS[index % COLORS.length] ?? 37, `[${service}]`) : `[${service}]`;
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return `${prefix} ${line}`;
  }
  if (typeof entry !== 'object' || entry === null) return `${prefix} ${line}`;
  const time =
    typeof entry.time === 'number' || typeof entry.time === 'string'
      ? new Date(entry.time).toISOString().slice(11, 19)
      : '';
  const levelNumber = typeof entry.level === 'number' ? entry.level : 30;
  const level = LEVELS[levelNumber] ?? String(levelNumber);
  const shownLevel = color && levelNumber >= 40 ? paint(levelNumber >= 50 ? 31 : 33, level) : level;
  const details = detailsOf(entry);
  return `${prefix} ${time} ${shownLevel} ${String(entry.msg ?? '')}${details ? `  ${details}` : ''}`;
}
