/** Where a piece of infrastructure came from, in the order startInfra() tries them. */
export type InfraSource = 'environment' | 'testcontainers' | 'local';

/** The URLs tests connect to; plain data so vitest can hand it from global setup to test files. */
export interface InfraUrls {
  mongoUrl: string;
  amqpUrl: string;
  /** RabbitMQ management API base URL (with credentials), when one answers; used to isolate by vhost. */
  rabbitManagementUrl?: string;
  mongoSource: InfraSource;
  amqpSource: InfraSource;
}

/** Running infrastructure: the URLs plus a way to stop whatever startInfra() started. */
export interface Infra extends InfraUrls {
  stop(): Promise<void>;
}

export type InfraLog = (message: string) => void;
