import { describe, expect, it } from 'vitest';
import { feedCursorOf, seqOfFeedCursor } from './feed-cursor.ts';

describe('feed cursors', () => {
  it('round-trips a change number through opaque text', () => {
    for (const seq of [0, 1, 42, 9_007_199_254_740_991]) expect(seqOfFeedCursor(feedCursorOf(seq))).toBe(seq);
    expect(feedCursorOf(7)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('refuses text this service did not write', () => {
    const b64 = (text: string) => Buffer.from(text).toString('base64url');
    for (const foreign of [
      'garbage',
      '',
      b64('{"seq":-1}'),
      b64('{"seq":1.5}'),
      b64('{"seq":"3"}'),
      b64('{"seq":3,"x":1}'),
      b64('{"id":3}'),
      b64('[3]'),
      `${feedCursorOf(3)}==`,
      `${feedCursorOf(3)}!`,
    ]) {
      expect(seqOfFeedCursor(foreign), foreign).toBeUndefined();
    }
  });
});
