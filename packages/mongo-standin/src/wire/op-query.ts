import type { Document } from 'bson';
import { OP_REPLY, writeHeader } from './framing.ts';
import { decodeDoc } from './op-msg.ts';

export interface OpQuery {
  collection: string;
  query: Document;
}

/** OP_QUERY is only used by drivers for the legacy `ismaster` handshake. */
export function parseOpQuery(msg: Buffer): OpQuery {
  let pos = 20;
  const nul = msg.indexOf(0, pos);
  const collection = msg.toString('utf8', pos, nul);
  pos = nul + 1 + 8; // numberToSkip, numberToReturn
  const len = msg.readInt32LE(pos);
  let query = decodeDoc(msg.subarray(pos, pos + len));
  // Some drivers wrap the command as { $query: cmd, $readPreference: ... }.
  if (query.$query && typeof query.$query === 'object') query = query.$query as Document;
  return { collection, query };
}

export function buildOpReply(requestId: number, responseTo: number, bson: Uint8Array): Buffer {
  const buf = Buffer.alloc(36 + bson.length);
  writeHeader(buf, requestId, responseTo, OP_REPLY);
  buf.writeInt32LE(8, 16); // responseFlags: AwaitCapable
  buf.writeBigInt64LE(0n, 20); // cursorID
  buf.writeInt32LE(0, 28); // startingFrom
  buf.writeInt32LE(1, 32); // numberReturned
  buf.set(bson, 36);
  return buf;
}
