import type { Socket } from 'node:net';
import { type Document, serialize } from 'bson';
import type { ServerState } from '../state.ts';
import { MessageReader, OP_MSG, OP_QUERY, readHeader } from '../wire/framing.ts';
import { buildOpMsg, FLAG_MORE_TO_COME, parseOpMsg } from '../wire/op-msg.ts';
import { buildOpReply, parseOpQuery } from '../wire/op-query.ts';
import { dispatch } from './dispatch.ts';

let nextRequestId = 1;

/** Serialises a reply; one that cannot be encoded (too large) becomes an error reply instead. */
function encode(reply: Document): Uint8Array {
  try {
    return serialize(reply, { ignoreUndefined: true });
  } catch (err) {
    return serialize({
      ok: 0,
      errmsg: `reply could not be encoded: ${err instanceof Error ? err.message : String(err)}`,
      code: 10334,
      codeName: 'BSONObjectTooLarge',
    });
  }
}

/**
 * Serves one client socket. Commands run synchronously in arrival order, so replies on a
 * connection keep the order of its requests; many sockets interleave at message granularity.
 */
export function serveConnection(state: ServerState, socket: Socket, connectionId: number): void {
  const reader = new MessageReader();
  socket.setNoDelay(true);
  socket.on('data', (chunk: Buffer) => {
    let messages: Buffer[];
    try {
      messages = reader.push(chunk);
    } catch (err) {
      state.logger.warn('closing connection after a malformed message', { error: String(err) });
      socket.destroy();
      return;
    }
    for (const msg of messages) {
      const out = handleMessage(state, msg, connectionId);
      if (out === 'close') {
        socket.destroy();
        return;
      }
      if (out) socket.write(out);
    }
  });
  socket.on('error', () => socket.destroy());
}

function handleMessage(state: ServerState, msg: Buffer, connectionId: number): Buffer | undefined | 'close' {
  const header = readHeader(msg);
  if (header.opCode === OP_MSG) {
    let parsed: ReturnType<typeof parseOpMsg>;
    try {
      parsed = parseOpMsg(msg);
    } catch (err) {
      const reply = { ok: 0, errmsg: `invalid OP_MSG: ${String(err)}`, code: 9, codeName: 'FailedToParse' };
      return buildOpMsg(nextRequestId++, header.requestId, encode(reply));
    }
    const db = typeof parsed.body.$db === 'string' ? parsed.body.$db : 'admin';
    const reply = dispatch(state, {
      db,
      cmd: parsed.body,
      sequences: parsed.sequences,
      connectionId,
      legacy: false,
    });
    // moreToCome (e.g. w:0 writes): the client expects no reply at all.
    if (parsed.flags & FLAG_MORE_TO_COME) return undefined;
    return buildOpMsg(nextRequestId++, header.requestId, encode(reply));
  }
  if (header.opCode === OP_QUERY) {
    const q = parseOpQuery(msg);
    const db = q.collection.split('.')[0] ?? 'admin';
    const reply = dispatch(state, { db, cmd: q.query, sequences: new Map(), connectionId, legacy: true });
    return buildOpReply(nextRequestId++, header.requestId, encode(reply));
  }
  // OP_COMPRESSED is never negotiated and legacy opcodes are gone from modern drivers.
  state.logger.warn('closing connection after an unsupported opcode', { opCode: header.opCode });
  return 'close';
}
