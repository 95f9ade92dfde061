/*
 * Server-Sent Events framing (WHATWG HTML, "Server-sent events"): fields end with a newline, a blank
 * line ends a message, a line starting with a colon is a comment the client ignores.
 */

/** One event; multi-line data goes out as several `data:` lines, which the client joins back. */
export function sseEvent(message: { id: string; event: string; data: string }): string {
  const data = message.data
    .split(/\r\n|\r|\n/)
    .map((line) => `data: ${line}\n`)
    .join('');
  return `id: ${message.id}\nevent: ${message.event}\n${data}\n`;
}

/**
 * A heartbeat: a comment, so proxies see traffic on an idle stream. With `id` it also moves the
 * client's last event id forward without an event, so a reconnect does not re-read filtered-out changes.
 */
export function sseHeartbeat(id?: string): string {
  return id === undefined ? ': heartbeat\n\n' : `: heartbeat\nid: ${id}\n\n`;
}

/** A comment sent first, so the response head leaves at once and the client knows it is connected. */
export const SSE_OPENING = ': connected\n\n';
