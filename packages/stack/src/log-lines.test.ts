import { describe, expect, it } from 'vitest';
import { formatLogLine } from './log-lines.ts';

describe('formatLogLine', () => {
  it('shortens a pino request line to time, level, message and the request', () => {
    const line = JSON.stringify({
      level: 30,
      time: Date.UTC(2026, 0, 1, 8, 30, 5),
      msg: 'request completed',
      req: { method: 'POST', url: '/v1/cases' },
      res: { statusCode: 201 },
      responseTime: 4.25,
    });
    expect(formatLogLine('case-intake', 0, line, false)).toBe(
      '[case-intake] 08:30:05 INFO  request completed  POST /v1/cases 201 4.3ms',
    );
  });

  it('names the error of an error line', () => {
    const line = JSON.stringify({
      level: 50,
      time: 0,
      msg: 'relay failed',
      err: { message: 'channel closed' },
    });
    expect(formatLogLine('oversight', 1, line, false)).toBe(
      '[oversight] 00:00:00 ERROR relay failed  error: channel closed',
    );
  });

  it('passes lines that are not JSON through under the prefix', () => {
    expect(formatLogLine('customs-goods', 2, 'Warning: something', false)).toBe(
      '[customs-goods] Warning: something',
    );
  });
});
