import { existsSync } from 'node:fs';
import type { InfraLog } from './types.ts';

/** Images used when a Docker engine is available; pinned so every machine tests the same servers. */
export const MONGO_IMAGE = process.env.TESTKIT_MONGO_IMAGE ?? 'mongo:8.2';
export const RABBITMQ_IMAGE = process.env.TESTKIT_RABBITMQ_IMAGE ?? 'rabbitmq:4-management-alpine';

/**
 * Whether a Docker engine answers. A cheap look for a socket or DOCKER_HOST comes first so that
 * machines without Docker do not pay for testcontainers' full runtime discovery.
 */
export async function dockerAvailable(log: InfraLog): Promise<boolean> {
  const hinted =
    Boolean(process.env.DOCKER_HOST) ||
    existsSync('/var/run/docker.sock') ||
    existsSync(`${process.env.HOME ?? ''}/.docker/run/docker.sock`) ||
    existsSync(`${process.env.HOME ?? ''}/.testcontainers.properties`);
  if (!hinted) return false;
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch (error) {
    log(`docker: no engine answers (${error instanceof Error ? error.message : String(error)})`);
    return false;
  }
}

/** Starts MongoDB (single-node replica set) in a container; returns its URL and a stop function. */
export async function startMongoContainer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const { MongoDBContainer } = await import('@testcontainers/mongodb');
  const container = await new MongoDBContainer(MONGO_IMAGE).start();
  const url = new URL(container.getConnectionString());
  url.searchParams.set('directConnection', 'true');
  return { url: url.toString(), stop: async () => void (await container.stop()) };
}

/** Starts RabbitMQ with the management plugin in a container. */
export async function startRabbitContainer(): Promise<{
  url: string;
  managementUrl: string;
  stop: () => Promise<void>;
}> {
  const { RabbitMQContainer } = await import('@testcontainers/rabbitmq');
  const container = await new RabbitMQContainer(RABBITMQ_IMAGE).withExposedPorts(5672, 15672).start();
  const managementUrl = `http://guest:guest@${container.getHost()}:${container.getMappedPort(15672)}`;
  return { url: container.getAmqpUrl(), managementUrl, stop: async () => void (await container.stop()) };
}
