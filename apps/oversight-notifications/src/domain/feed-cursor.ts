import { decodeCursor, encodeCursor } from '@enforcement/contracts';

/*
 * A feed position is a change number (`seq`): every change of an audience's notifications up to it has
 * been read. Clients get it as opaque text, the same text as a page's nextCursor and an event's id, so
 * a page can hand over to the stream and back.
 */

/** The cursor text of a change number. */
export function feedCursorOf(seq: number): string {
  return encodeCursor({ seq });
}

/** The change number a cursor stands for, or undefined when it is not exactly one this service wrote. */
export function seqOfFeedCursor(text: string): number | undefined {
  const position = decodeCursor(text);
  if (position === undefined) return undefined;
  const keys = Object.keys(position);
  const seq = position.seq;
  if (keys.length !== 1 || typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) return undefined;
  // Base64 decoding forgives stray characters and padding; only the canonical text is ours.
  return feedCursorOf(seq) === text ? seq : undefined;
}
