export { type DeadLetterRoutesOptions, deadLetterRoutes } from './admin-routes.ts';
export { type BackoffOptions, backoffDelay, defaultReconnectBackoff } from './backoff.ts';
export { BrokerConnection, type BrokerConnectionOptions, type ConnectedHook } from './connection.ts';
export { defaultRetryDelaysMs, EventConsumer, type EventConsumerOptions } from './consumer.ts';
export { type DeadLetter, DeadLetters, type RedriveSelection } from './dead-letters.ts';
export { MessagingError, type MessagingErrorCode } from './errors.ts';
export { type EventHandler, type HandlerContext, type HandlerResult, handles } from './handler.ts';
export { type DeadLetterReason, HEADERS } from './headers.ts';
export { type Inbox, type InboxRecord, MongoInbox } from './inbox.ts';
export { type Logger, silentLogger } from './logger.ts';
export { createMessagingMetrics, type MessagingMetrics } from './metrics.ts';
export {
  newOutbox,
  type OutboxEntry,
  type OutboxFields,
  type OutboxLease,
  outboxEntries,
  withOutbox,
} from './outbox/entry.ts';
export { type EventSink, OutboxRelay, type OutboxRelayOptions } from './outbox/relay.ts';
export type { OutboxStats } from './outbox/stats.ts';
export {
  done,
  type HandlerOutcome,
  RejectMessageError,
  RetryLaterError,
  reject,
  retryLater,
} from './outcome.ts';
export { EventPublisher, type EventPublisherOptions, type PublishOptions } from './publisher.ts';
export { type FailureStep, nextStepAfterFailure } from './retry.ts';
export { ServiceBus, type ServiceBusConsumer, type ServiceBusOptions } from './service-bus.ts';
export { type MessagingParts, shutdownMessaging } from './shutdown.ts';
export {
  type ConsumerTopology,
  deadLetterQueueName,
  declareConsumerTopology,
  declareEventsExchange,
  type QueueType,
  waitQueueName,
} from './topology.ts';
