import amqp from 'amqplib';

/** A message that breaks the event contract, as raw bytes and headers, and the reasons it may be dead-lettered with. */
export interface ContractViolation {
  label: string;
  content: Buffer;
  headers?: Record<string, unknown>;
  reasons: readonly string[];
}

const ENVELOPE = ['invalid_envelope'];

/**
 * Messages a consumer must dead-letter without crashing, built around one valid event (an object
 * with `type`, `version` and `payload`): not JSON, invalid UTF-8, a broken envelope, an unknown type
 * or version, a payload that breaks its schema, polluting keys and a huge body.
 */
export function contractViolations(valid: Record<string, unknown>): ContractViolation[] {
  const json = (value: unknown) => Buffer.from(JSON.stringify(value));
  const payload = (valid.payload ?? {}) as Record<string, unknown>;
  const firstField = Object.keys(payload)[0] ?? 'field';
  return [
    { label: 'not JSON', content: Buffer.from('{not json'), reasons: ['invalid_json'] },
    { label: 'empty body', content: Buffer.alloc(0), reasons: ['invalid_json'] },
    {
      label: 'invalid UTF-8',
      content: Buffer.concat([Buffer.from('{"type":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]),
      reasons: ['invalid_json', ...ENVELOPE],
    },
    { label: 'a JSON array', content: json([valid]), reasons: ENVELOPE },
    { label: 'a JSON number', content: Buffer.from('42'), reasons: ENVELOPE },
    { label: 'JSON null', content: Buffer.from('null'), reasons: ENVELOPE },
    { label: 'no id', content: json({ ...valid, id: undefined }), reasons: ENVELOPE },
    { label: 'operator as id', content: json({ ...valid, id: { $gt: '' } }), reasons: ENVELOPE },
    { label: 'version as text', content: json({ ...valid, version: '1' }), reasons: ENVELOPE },
    {
      label: 'unknown type',
      content: json({ ...valid, type: 'case.teleported' }),
      reasons: ['unknown_event'],
    },
    { label: 'unknown version', content: json({ ...valid, version: 99 }), reasons: ['unknown_event'] },
    {
      label: 'payload field of the wrong type',
      content: json({ ...valid, payload: { ...payload, [firstField]: { $where: 'sleep(1000)' } } }),
      reasons: ['invalid_payload'],
    },
    {
      label: 'payload missing',
      content: json({ ...valid, payload: undefined }),
      reasons: ['invalid_payload', ...ENVELOPE],
    },
    {
      // Unknown members are tolerated (events evolve), so a field is broken too: the message must be
      // refused, and reading its polluting keys must pollute nothing.
      label: '__proto__ and constructor in the envelope and payload',
      content: Buffer.from(
        JSON.stringify({ ...valid, payload: { ...payload, [firstField]: [] } })
          .replace(
            '"payload":{',
            '"payload":{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},',
          )
          .replace(/^\{/, '{"__proto__":{"polluted":true},'),
      ),
      reasons: ['invalid_payload', ...ENVELOPE],
    },
    {
      label: 'a huge payload (4 MiB)',
      content: json({ ...valid, payload: { ...payload, [firstField]: 'x'.repeat(4 * 1024 * 1024) } }),
      reasons: ['invalid_payload'],
    },
    {
      label: 'hostile retry headers',
      content: json({ ...valid, id: undefined }),
      headers: { 'x-attempt': 'NaN', 'x-correlation-id': { $ne: null }, 'x-routing-key': 'a'.repeat(10_000) },
      reasons: ENVELOPE,
    },
  ];
}

/** A dead-lettered message as read back: its id, reason and detail. */
export interface SeenDeadLetter {
  messageId: string | undefined;
  reason: string | undefined;
  detail: string | undefined;
}

/**
 * Sends raw messages straight to a consumer's queue (the default exchange, so no binding filters them)
 * and reads its dead-letter queue until `expected` messages arrived (bounded: about 15 s).
 */
export async function deadLettersOf(
  amqpUrl: string,
  queues: { queue: string; deadLetterQueue: string },
  messages: readonly ContractViolation[],
): Promise<SeenDeadLetter[]> {
  const connection = await amqp.connect(amqpUrl);
  try {
    const channel = await connection.createConfirmChannel();
    messages.forEach((message, index) => {
      channel.sendToQueue(queues.queue, message.content, {
        messageId: `hostile-${index}`,
        persistent: true,
        ...(message.headers === undefined ? {} : { headers: message.headers }),
      });
    });
    await channel.waitForConfirms();
    const seen: SeenDeadLetter[] = [];
    const deadline = Date.now() + 15_000;
    while (seen.length < messages.length && Date.now() < deadline) {
      const got = await channel.get(queues.deadLetterQueue, { noAck: true });
      if (got === false) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        continue;
      }
      const headers = got.properties.headers ?? {};
      seen.push({
        messageId: got.properties.messageId,
        reason:
          headers['x-dead-letter-reason'] === undefined ? undefined : String(headers['x-dead-letter-reason']),
        detail:
          headers['x-dead-letter-detail'] === undefined ? undefined : String(headers['x-dead-letter-detail']),
      });
    }
    return seen;
  } finally {
    await connection.close();
  }
}
