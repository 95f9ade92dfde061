import { type CatalogEntry, eventCatalog } from '../events/catalog.ts';
import { EVENTS_EXCHANGE, EVENTS_EXCHANGE_TYPE } from '../events/envelope.ts';
import { eventJsonSchema, GENERATED_NOTICE, type JsonSchema } from '../events/json-schema.ts';

/** The version of the event API described by the document (not of the npm package). */
export const ASYNCAPI_DOCUMENT_VERSION = '1.0.0';

const AMQP_BINDING_VERSION = '0.3.0';

function messageOf(entry: CatalogEntry): JsonSchema {
  const { $schema: _draft, ...payload } = eventJsonSchema(entry);
  return {
    name: entry.routingKey,
    title: `${entry.type} v${entry.version}`,
    summary: entry.description,
    contentType: 'application/json',
    correlationId: { location: '$message.payload#/correlationId' },
    payload,
    bindings: { amqp: { messageType: entry.routingKey, bindingVersion: AMQP_BINDING_VERSION } },
  };
}

function channelOf(entry: CatalogEntry): JsonSchema {
  return {
    address: entry.routingKey,
    description: entry.description,
    messages: { [entry.routingKey]: { $ref: `#/components/messages/${entry.routingKey}` } },
    bindings: {
      amqp: {
        is: 'routingKey',
        exchange: {
          name: EVENTS_EXCHANGE,
          type: EVENTS_EXCHANGE_TYPE,
          durable: true,
          autoDelete: false,
          vhost: '/',
        },
        bindingVersion: AMQP_BINDING_VERSION,
      },
    },
  };
}

function operationOf(entry: CatalogEntry): JsonSchema {
  return {
    action: 'send',
    summary: `${entry.producer} publishes ${entry.routingKey}`,
    channel: { $ref: `#/channels/${entry.routingKey}` },
    messages: [{ $ref: `#/channels/${entry.routingKey}/messages/${entry.routingKey}` }],
    tags: [{ name: entry.producer }],
    // deliveryMode 2: persistent, so a broker restart does not lose published events.
    bindings: { amqp: { deliveryMode: 2, mandatory: true, bindingVersion: AMQP_BINDING_VERSION } },
  };
}

/** The AsyncAPI 3.0.0 description of the event exchange: one channel per routing key. */
export function buildAsyncApiDocument(catalog: readonly CatalogEntry[] = eventCatalog): JsonSchema {
  const sorted = [...catalog].sort((a, b) => a.routingKey.localeCompare(b.routingKey));
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Enforcement platform events',
      version: ASYNCAPI_DOCUMENT_VERSION,
      description: `Events published to the durable topic exchange \`${EVENTS_EXCHANGE}\`; routing key = <type>.v<version>. Consumers ignore fields they do not know. ${GENERATED_NOTICE}`,
      'x-generated': GENERATED_NOTICE,
    },
    defaultContentType: 'application/json',
    servers: {
      rabbitmq: {
        host: 'rabbitmq:5672',
        protocol: 'amqp',
        protocolVersion: '0.9.1',
        description: 'The RabbitMQ broker; the host is set per deployment (AMQP_URL)',
      },
    },
    channels: Object.fromEntries(sorted.map((entry) => [entry.routingKey, channelOf(entry)])),
    operations: Object.fromEntries(
      sorted.map((entry) => [`publish.${entry.routingKey}`, operationOf(entry)]),
    ),
    components: { messages: Object.fromEntries(sorted.map((entry) => [entry.routingKey, messageOf(entry)])) },
  };
}
