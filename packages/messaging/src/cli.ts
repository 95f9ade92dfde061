#!/usr/bin/env node
/**
 * Dead-letter tooling for operators:
 *
 *   AMQP_URL=amqp://user:pass@host/vhost messaging-dead-letters list    <queue> [--limit 50]
 *   AMQP_URL=...                         messaging-dead-letters show    <queue> <messageId>
 *   AMQP_URL=...                         messaging-dead-letters redrive <queue> (--id <messageId>... | --all) [--limit N]
 *
 * `<queue>` is the consumer's queue (its dead-letter queue is `<queue>.dead`). Output is JSON.
 */
import { parseArgs } from 'node:util';
import { BrokerConnection } from './connection.ts';
import { DeadLetters } from './dead-letters.ts';

const usage =
  'usage: messaging-dead-letters <list|show|redrive> <queue> [messageId] [--limit N] [--id ID]... [--all]';

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      limit: { type: 'string' },
      id: { type: 'string', multiple: true },
      all: { type: 'boolean', default: false },
    },
  });
  const [command, queue, messageId] = positionals;
  const url = process.env.AMQP_URL;
  if (url === undefined || command === undefined || queue === undefined) {
    console.error(url === undefined ? 'AMQP_URL is not set' : usage);
    return 2;
  }
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) {
    console.error('--limit takes a positive whole number');
    return 2;
  }
  const connection = new BrokerConnection({ url, name: 'messaging-dead-letters-cli' });
  const deadLetters = new DeadLetters(connection);
  try {
    await connection.start();
    switch (command) {
      case 'list':
        console.log(JSON.stringify(await deadLetters.list(queue, limit ?? 50), null, 2));
        return 0;
      case 'show': {
        if (messageId === undefined) {
          console.error(usage);
          return 2;
        }
        const found = await deadLetters.show(queue, messageId);
        if (found === undefined) {
          console.error(`no dead-lettered message ${messageId} in ${queue}.dead`);
          return 1;
        }
        console.log(JSON.stringify(found, null, 2));
        return 0;
      }
      case 'redrive': {
        if (values.id === undefined && !values.all) {
          console.error('redrive needs --id <messageId> (repeatable) or --all');
          return 2;
        }
        const redriven = await deadLetters.redrive(queue, {
          ...(values.id === undefined ? {} : { messageIds: values.id }),
          ...(limit === undefined ? {} : { limit }),
        });
        console.log(JSON.stringify({ redriven }, null, 2));
        return 0;
      }
      default:
        console.error(usage);
        return 2;
    }
  } finally {
    await connection.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
