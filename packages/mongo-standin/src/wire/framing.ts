/** Wire protocol constants (https://www.mongodb.com/docs/manual/reference/mongodb-wire-protocol/). */
export const OP_REPLY = 1;
export const OP_QUERY = 2004;
export const OP_COMPRESSED = 2012;
export const OP_MSG = 2013;

export const MAX_BSON_SIZE = 16 * 1024 * 1024;
export const MAX_MESSAGE_SIZE = 48_000_000;

export interface Header {
  length: number;
  requestId: number;
  responseTo: number;
  opCode: number;
}

export function readHeader(buf: Buffer): Header {
  return {
    length: buf.readInt32LE(0),
    requestId: buf.readInt32LE(4),
    responseTo: buf.readInt32LE(8),
    opCode: buf.readInt32LE(12),
  };
}

export function writeHeader(buf: Buffer, requestId: number, responseTo: number, opCode: number): void {
  buf.writeInt32LE(buf.length, 0);
  buf.writeInt32LE(requestId, 4);
  buf.writeInt32LE(responseTo, 8);
  buf.writeInt32LE(opCode, 12);
}

/**
 * Splits a TCP byte stream into whole messages. Chunks are kept in a list and only joined once
 * a full message is available, so a large message arriving in many chunks is copied once.
 */
export class MessageReader {
  private chunks: Buffer[] = [];
  private size = 0;

  push(chunk: Buffer): Buffer[] {
    this.chunks.push(chunk);
    this.size += chunk.length;
    const out: Buffer[] = [];
    while (this.size >= 4) {
      const first = this.chunks[0] as Buffer;
      const head = first.length >= 4 ? first : Buffer.concat(this.chunks);
      const len = head.readInt32LE(0);
      if (len < 16 || len > MAX_MESSAGE_SIZE) throw new Error(`invalid message length ${len}`);
      if (this.size < len) break;
      const all = this.chunks.length === 1 ? first : Buffer.concat(this.chunks);
      out.push(all.subarray(0, len));
      const rest = all.subarray(len);
      this.chunks = rest.length > 0 ? [rest] : [];
      this.size = rest.length;
    }
    return out;
  }
}
