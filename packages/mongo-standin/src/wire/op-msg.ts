import { type Document, deserialize } from 'bson';
import { normalizeDoc } from '../bson/values.ts';
import { OP_MSG, writeHeader } from './framing.ts';

export const FLAG_CHECKSUM = 1;
export const FLAG_MORE_TO_COME = 2;
export const FLAG_EXHAUST_ALLOWED = 1 << 16;

export interface OpMsg {
  flags: number;
  body: Document;
  /** Kind-1 document sequences, e.g. `documents` of an insert or `updates` of an update. */
  sequences: Map<string, Document[]>;
}

/** Decodes keeping exact numeric types (int32/double/int64 are distinguishable afterwards). */
export function decodeDoc(buf: Buffer): Document {
  return normalizeDoc(deserialize(buf, { promoteValues: false, promoteLongs: false, promoteBuffers: false }));
}

export function parseOpMsg(msg: Buffer): OpMsg {
  const flags = msg.readUInt32LE(16);
  // The CRC-32C checksum (if flagged) trails the message: skipped (TCP already checksums), and
  // replies never carry one.
  const end = flags & FLAG_CHECKSUM ? msg.length - 4 : msg.length;
  let pos = 20;
  let body: Document | undefined;
  const sequences = new Map<string, Document[]>();
  while (pos < end) {
    const kind = msg.readUInt8(pos);
    pos += 1;
    if (kind === 0) {
      const len = msg.readInt32LE(pos);
      body = decodeDoc(msg.subarray(pos, pos + len));
      pos += len;
    } else if (kind === 1) {
      const size = msg.readInt32LE(pos);
      const sectionEnd = pos + size;
      let p = pos + 4;
      const nul = msg.indexOf(0, p);
      const id = msg.toString('utf8', p, nul);
      p = nul + 1;
      const docs: Document[] = [];
      while (p < sectionEnd) {
        const len = msg.readInt32LE(p);
        docs.push(decodeDoc(msg.subarray(p, p + len)));
        p += len;
      }
      sequences.set(id, docs);
      pos = sectionEnd;
    } else {
      throw new Error(`unsupported OP_MSG section kind ${kind}`);
    }
  }
  if (!body) throw new Error('OP_MSG without a body section');
  return { flags, body, sequences };
}

/** Frames an already serialised reply body as an OP_MSG (flags 0: never checksummed). */
export function buildOpMsg(requestId: number, responseTo: number, bson: Uint8Array): Buffer {
  const buf = Buffer.allocUnsafe(21 + bson.length);
  writeHeader(buf, requestId, responseTo, OP_MSG);
  buf.writeUInt32LE(0, 16);
  buf.writeUInt8(0, 20);
  buf.set(bson, 21);
  return buf;
}
