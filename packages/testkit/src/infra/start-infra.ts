import { startMongoStandin } from '@enforcement/mongo-standin';
import { dockerAvailable, startMongoContainer, startRabbitContainer } from './docker.ts';
import { managementUrlFor, RabbitAdmin } from './rabbit-admin.ts';
import { tcpAnswers } from './tcp.ts';
import type { Infra, InfraLog, InfraSource } from './types.ts';

export const LOCAL_AMQP_URL = 'amqp://guest:guest@127.0.0.1:5672';

export interface StartInfraOptions {
  /** Where to say which infrastructure was chosen; defaults to stderr. */
  log?: InfraLog;
  /** Persist the MongoDB stand-in here (local runs); tests leave it in memory. */
  standinDataDir?: string;
  /** Port for the MongoDB stand-in; 0 (default) picks a free one. */
  standinPort?: number;
  env?: NodeJS.ProcessEnv;
}

const defaultLog: InfraLog = (message) => process.stderr.write(`[testkit] ${message}\n`);

/**
 * Finds a MongoDB endpoint and a RabbitMQ broker, in this order: URLs from the environment
 * (MONGO_URL, AMQP_URL), containers when a Docker engine answers, else the local broker at
 * 127.0.0.1:5672 and the MongoDB wire-protocol stand-in on a free port. Logs what it chose.
 */
export async function startInfra(options: StartInfraOptions = {}): Promise<Infra> {
  const log = options.log ?? defaultLog;
  const env = options.env ?? process.env;
  const stops: Array<() => Promise<void>> = [];
  const needsDocker = !env.MONGO_URL || !env.AMQP_URL;
  const docker = needsDocker && env.TESTKIT_DISABLE_DOCKER !== 'true' && (await dockerAvailable(log));

  try {
    let mongoUrl: string;
    let mongoSource: InfraSource;
    if (env.MONGO_URL) {
      mongoUrl = env.MONGO_URL;
      mongoSource = 'environment';
    } else if (docker) {
      const mongo = await startMongoContainer();
      stops.push(mongo.stop);
      mongoUrl = mongo.url;
      mongoSource = 'testcontainers';
    } else {
      const standin = await startMongoStandin({
        port: options.standinPort ?? 0,
        ...(options.standinDataDir ? { dataDir: options.standinDataDir } : {}),
      });
      stops.push(() => standin.close());
      mongoUrl = standin.url;
      mongoSource = 'local';
    }

    let amqpUrl: string;
    let amqpSource: InfraSource;
    let managementCandidate: string;
    if (env.AMQP_URL) {
      amqpUrl = env.AMQP_URL;
      amqpSource = 'environment';
      managementCandidate = env.RABBITMQ_MANAGEMENT_URL ?? managementUrlFor(amqpUrl);
    } else if (docker) {
      const rabbit = await startRabbitContainer();
      stops.push(rabbit.stop);
      amqpUrl = rabbit.url;
      amqpSource = 'testcontainers';
      managementCandidate = rabbit.managementUrl;
    } else {
      if (!(await tcpAnswers('127.0.0.1', 5672))) {
        throw new Error(
          'no RabbitMQ: nothing answers on 127.0.0.1:5672 and no Docker engine; start it (rabbitmq-server -detached) or set AMQP_URL',
        );
      }
      amqpUrl = LOCAL_AMQP_URL;
      amqpSource = 'local';
      managementCandidate = env.RABBITMQ_MANAGEMENT_URL ?? managementUrlFor(amqpUrl);
    }

    const rabbitManagementUrl = (await new RabbitAdmin(managementCandidate).reachable())
      ? managementCandidate
      : undefined;
    log(
      `infrastructure: MongoDB from ${describe(mongoSource, 'the MongoDB stand-in')} (${redact(mongoUrl)}), ` +
        `RabbitMQ from ${describe(amqpSource, 'the local broker')} (${redact(amqpUrl)}), ` +
        `isolation by ${rabbitManagementUrl ? 'vhost' : 'name prefix (management API not reachable)'}`,
    );

    return {
      mongoUrl,
      amqpUrl,
      mongoSource,
      amqpSource,
      ...(rabbitManagementUrl ? { rabbitManagementUrl } : {}),
      stop: async () => {
        for (const stop of stops.reverse()) await stop();
      },
    };
  } catch (error) {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    throw error;
  }
}

function describe(source: InfraSource, local: string): string {
  return source === 'local' ? local : source;
}

/** URLs in logs never show their passwords. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparseable url>';
  }
}
