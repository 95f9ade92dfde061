export * from './builders/index.ts';
export { connectProducer, type EventTap, type TestProducer, tapEvents } from './event-tap.ts';
export { dockerAvailable, MONGO_IMAGE, RABBITMQ_IMAGE } from './infra/docker.ts';
export { managementUrlFor, RabbitAdmin } from './infra/rabbit-admin.ts';
export { LOCAL_AMQP_URL, redact, type StartInfraOptions, startInfra } from './infra/start-infra.ts';
export { tcpAnswers } from './infra/tcp.ts';
export type { Infra, InfraLog, InfraSource, InfraUrls } from './infra/types.ts';
export { createTestScope, type TestScope, withVhost } from './scope.ts';
export { type ServiceProcess, startServiceProcess } from './service-process.ts';
