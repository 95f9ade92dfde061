/**
 * The broker topology the services declare, computed from their code: the events exchange, and for
 * every consumer its queue, bindings, wait (retry) queues and dead-letter queue, with the exact
 * arguments `declareConsumerTopology` passes. `infra/rabbitmq/definitions.json` is this, written by
 * `npm run validate:infra -- --write-definitions`; `infra/validate.ts` fails when the two differ, since a
 * queue pre-declared with other arguments makes the service's own declare fail (PRECONDITION_FAILED).
 *
 * Needs the workspaces' sources: run with `node --conditions=source`.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EVENTS_EXCHANGE, EVENTS_EXCHANGE_TYPE } from '@enforcement/contracts';
import {
  type BrokerConnection,
  declareConsumerTopology,
  EventConsumer,
  type EventHandler,
} from '@enforcement/messaging';

/** A queue a service consumes, and where its handlers and its queue name come from. */
export interface ConsumerSource {
  app: string;
  /** The config variable naming the queue (its default is the queue in the definitions). */
  queueVariable: string;
  /** Module under apps/<app>/ exporting the handler factory. */
  module: string;
  /** Export of that module: (deps) => EventHandler[]; deps are not touched while building handlers. */
  factory: string;
}

/** Every consumer of the platform. A new consuming service or queue is added here. */
export const CONSUMERS: readonly ConsumerSource[] = [
  {
    app: 'customs-goods',
    queueVariable: 'CASE_EVENTS_QUEUE',
    module: 'src/events/subscriptions.ts',
    factory: 'caseEventHandlers',
  },
  {
    app: 'oversight-notifications',
    queueVariable: 'WATCHED_EVENTS_QUEUE',
    module: 'src/events/subscriptions.ts',
    factory: 'watchedEventHandlers',
  },
];

export interface DefinitionsExchange {
  name: string;
  vhost: string;
  type: string;
  durable: boolean;
  auto_delete: boolean;
  internal: boolean;
  arguments: Record<string, unknown>;
}

export interface DefinitionsQueue {
  name: string;
  vhost: string;
  durable: boolean;
  auto_delete: boolean;
  arguments: Record<string, unknown>;
}

export interface DefinitionsBinding {
  source: string;
  vhost: string;
  destination: string;
  destination_type: 'queue';
  routing_key: string;
  arguments: Record<string, unknown>;
}

/** The subset of RabbitMQ's definitions format the platform uses. */
export interface Definitions {
  exchanges: DefinitionsExchange[];
  queues: DefinitionsQueue[];
  bindings: DefinitionsBinding[];
}

/** Stands in for any dependency a handler factory closes over: it is only used when a handler runs. */
function inertDependencies(): unknown {
  const handler: ProxyHandler<() => void> = {
    get: (_target, property) => (property === 'then' ? undefined : proxy),
    apply: () => proxy,
  };
  const proxy: unknown = new Proxy(() => {}, handler);
  return proxy;
}

type DeclaringChannel = Parameters<typeof declareConsumerTopology>[0];

/** A channel that records what is declared on it instead of talking to a broker. */
function recordingChannel(definitions: Definitions, vhost: string): DeclaringChannel {
  const channel = {
    assertExchange: async (name: string, type: string, options: { durable?: boolean } = {}) => {
      if (definitions.exchanges.some((exchange) => exchange.name === name)) return { exchange: name };
      definitions.exchanges.push({
        name,
        vhost,
        type,
        durable: options.durable ?? true,
        auto_delete: false,
        internal: false,
        arguments: {},
      });
      return { exchange: name };
    },
    assertQueue: async (
      name: string,
      options: { durable?: boolean; arguments?: Record<string, unknown> } = {},
    ) => {
      if (definitions.queues.some((queue) => queue.name === name)) {
        throw new Error(`queue ${name} is declared by two consumers`);
      }
      definitions.queues.push({
        name,
        vhost,
        durable: options.durable ?? true,
        auto_delete: false,
        arguments: { ...(options.arguments ?? {}) },
      });
      return { queue: name, messageCount: 0, consumerCount: 0 };
    },
    bindQueue: async (queue: string, source: string, routingKey: string) => {
      definitions.bindings.push({
        source,
        vhost,
        destination: queue,
        destination_type: 'queue',
        routing_key: routingKey,
        arguments: {},
      });
      return {};
    },
  };
  return channel as unknown as DeclaringChannel;
}

/** Reads the default of one variable of an app's config schema (its queue name). */
async function configDefault(repoRoot: string, app: string, variable: string): Promise<string> {
  const { configSchema } = (await import(
    pathToFileURL(join(repoRoot, 'apps', app, 'src/config.ts')).href
  )) as {
    configSchema: { shape: Record<string, { parse(value: unknown): unknown }> };
  };
  const field = configSchema.shape[variable];
  if (!field) throw new Error(`apps/${app}/src/config.ts has no ${variable}`);
  const value = field.parse(undefined);
  if (typeof value !== 'string') throw new Error(`apps/${app}: ${variable} has no default queue name`);
  return value;
}

/** The topology every service declares, in the order the services declare it. */
export async function platformDefinitions(repoRoot: string, vhost = '/'): Promise<Definitions> {
  const definitions: Definitions = { exchanges: [], queues: [], bindings: [] };
  const channel = recordingChannel(definitions, vhost);
  // Every service publishes to the exchange, consumer or not.
  await channel.assertExchange(EVENTS_EXCHANGE, EVENTS_EXCHANGE_TYPE, { durable: true });
  for (const source of CONSUMERS) {
    const where = `apps/${source.app}/${source.module}`;
    const module = (await import(pathToFileURL(join(repoRoot, where)).href)) as Record<string, unknown>;
    const factory = module[source.factory];
    if (typeof factory !== 'function') throw new Error(`${where} does not export ${source.factory}()`);
    const handlers = (factory as (deps: unknown) => EventHandler[])(inertDependencies());
    const consumer = new EventConsumer({
      // Never used: the topology is read, nothing is consumed.
      connection: {} as BrokerConnection,
      queue: await configDefault(repoRoot, source.app, source.queueVariable),
      handlers,
    });
    await declareConsumerTopology(channel, consumer.topology);
  }
  return definitions;
}
