import { describe, expect, it } from 'vitest';
import { sseEvent, sseHeartbeat } from './sse.ts';

describe('SSE framing', () => {
  it('writes an event as id, event and data lines ended by a blank line', () => {
    expect(sseEvent({ id: 'c1', event: 'notification', data: '{"a":1}' })).toBe(
      'id: c1\nevent: notification\ndata: {"a":1}\n\n',
    );
  });

  it('splits multi-line data so no line break ends the event early', () => {
    expect(sseEvent({ id: 'c2', event: 'x', data: 'one\ntwo\r\nthree' })).toBe(
      'id: c2\nevent: x\ndata: one\ndata: two\ndata: three\n\n',
    );
  });

  it('writes a heartbeat as a comment, with an id only when the position moved', () => {
    expect(sseHeartbeat()).toBe(': heartbeat\n\n');
    expect(sseHeartbeat('c3')).toBe(': heartbeat\nid: c3\n\n');
  });
});
