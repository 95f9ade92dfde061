import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkQueueVariables, type ServiceExpectations } from './kubernetes.ts';
import type { Report } from './report.ts';
import {
  type AppConfig,
  appConfig,
  appNames,
  builtLayout,
  isLoopbackHost,
  keyHash,
  LIVENESS_PATH,
  READINESS_PATH,
  readsAudience,
  upstreamUrls,
} from './services.ts';
import { checkStaticDir } from './web-image.ts';
import { asArray, asRecord, at, type Path, problemAt, readYaml, type YamlDocument } from './yaml-files.ts';

/** `25s`, `1m30s`, `500ms` in seconds. */
function durationSeconds(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || !/^(\d+(ms|s|m|h))+$/.test(value)) return undefined;
  const unit: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600 };
  let total = 0;
  for (const match of value.matchAll(/(\d+)(ms|s|m|h)/g))
    total += Number(match[1]) * (unit[match[2] ?? 's'] ?? 1);
  return total;
}

/** `environment:` as a map, from either of compose's forms (map, or list of NAME=value). */
function environmentOf(service: Record<string, unknown>): { env: Record<string, string>; listForm: boolean } {
  const environment = service.environment;
  if (Array.isArray(environment)) {
    const env: Record<string, string> = {};
    for (const entry of environment.map(String)) {
      const [name = '', ...rest] = entry.split('=');
      env[name] = rest.join('=');
    }
    return { env, listForm: true };
  }
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(asRecord(environment) ?? {}))
    env[name] = value === null ? '' : String(value);
  return { env, listForm: false };
}

interface BuiltService {
  name: string;
  object: string;
  service: Record<string, unknown>;
  config: AppConfig;
  env: Record<string, string>;
  listForm: boolean;
  settings: Record<string, unknown>;
}

/** The apps built from infra/docker/Dockerfile, against their config schemas, routes and each other. */
export async function checkCompose(
  file: string,
  expectations: ServiceExpectations,
  report: Report,
): Promise<void> {
  const [document] = readYaml(file, report, { merge: true });
  if (!document) return;
  const services = asRecord(at(document.value, ['services'])) ?? {};
  // The replica set the mongodb service starts (`--replSet rs0`), which every MONGO_URL must name.
  const replicaSets: string[] = [];
  for (const service of Object.values(services)) {
    const command = asRecord(service)?.command;
    const words = typeof command === 'string' ? command.split(/\s+/) : asArray(command).map(String);
    const flag = words.indexOf('--replSet');
    const replicaSet = flag >= 0 ? words[flag + 1] : undefined;
    if (replicaSet) replicaSets.push(replicaSet);
  }

  const built: BuiltService[] = [];
  for (const [name, raw] of Object.entries(services)) {
    const service = asRecord(raw) ?? {};
    const object = `service ${name}`;
    const problem = (path: Path, message: string): void =>
      problemAt(report, document, object, ['services', name, ...path], message);

    const dependsOn = service.depends_on;
    if (Array.isArray(dependsOn)) problem(['depends_on'], 'use the map form with condition: service_healthy');
    for (const [target, condition] of Object.entries(asRecord(dependsOn) ?? {})) {
      if (at(condition, ['condition']) === 'service_healthy' && !asRecord(services[target])?.healthcheck) {
        problem(
          ['depends_on', target],
          `waits for ${target} to be healthy, but ${target} has no healthcheck`,
        );
      }
    }

    const build = asRecord(service.build);
    if (!build) continue;
    const context = join(dirname(file), String(build.context ?? '.'));
    const dockerfile = String(build.dockerfile ?? 'Dockerfile');
    if (!existsSync(join(context, dockerfile)))
      problem(['build', 'dockerfile'], `${dockerfile} does not exist in the build context`);
    const args = asRecord(build.args) ?? {};
    const app = args.APP;
    if (typeof app !== 'string') {
      problem(['build', 'args', 'APP'], 'is required: the folder of apps/ to build');
      continue;
    }
    const config = await appConfig(expectations.repoRoot, app);
    if (typeof config === 'string') {
      problem(['build', 'args', 'APP'], config);
      continue;
    }
    const compiled = builtLayout(expectations.repoRoot, app);
    if (typeof compiled === 'string') problem(['build', 'args', 'APP'], `apps/${app} ${compiled}`);

    const { env, listForm } = environmentOf(service);
    const variablePath = (variable: string): Path => (listForm ? ['environment'] : ['environment', variable]);
    for (const variable of Object.keys(env)) {
      if (!config.variables.has(variable)) {
        problem(variablePath(variable), `${variable} is not a variable of ${config.source}`);
      }
    }
    const loaded = config.load(env);
    if ('error' in loaded) {
      problem(['environment'], `this environment does not start ${app}: ${loaded.error}`);
      continue;
    }
    const settings = loaded.config;
    built.push({ name, object, service, config, env, listForm, settings });
    checkQueueVariables(config, settings, expectations.queues, (variable, message) =>
      problem(variablePath(variable), message),
    );
    if (isLoopbackHost(settings.HOST)) {
      problem(
        variablePath('HOST'),
        `${String(settings.HOST)}${env.HOST === undefined ? ' (the default)' : ''} is unreachable from outside the container: use 0.0.0.0`,
      );
    }
    const layout = expectations.webImages.get(app);
    if (layout) {
      checkStaticDir(expectations.repoRoot, config, layout, env, settings, (variable, message) =>
        problem(variablePath(variable), message),
      );
    }
    if (config.variables.has('MONGO_URL')) {
      const mongoUrl = String(settings.MONGO_URL ?? '');
      const replicaSet = /[?&]replicaSet=([^&]+)/.exec(mongoUrl)?.[1];
      if (!replicaSet) problem(['environment', 'MONGO_URL'], 'must name the replica set (?replicaSet=rs0)');
      else if (replicaSets.length > 0 && !replicaSets.includes(replicaSet)) {
        problem(
          ['environment', 'MONGO_URL'],
          `replicaSet=${replicaSet} is not the --replSet of the mongodb service (${replicaSets.join(', ')})`,
        );
      }
    }

    const port = Number(settings.PORT);
    asArray(service.ports).forEach((mapping, index) => {
      const containerPort = Number(
        String(mapping)
          .replace(/\/\w+$/, '')
          .split(':')
          .at(-1),
      );
      if (containerPort !== port)
        problem(['ports', index], `the container side must be ${port}, the PORT the app listens on`);
    });

    const test = asArray(at(service, ['healthcheck', 'test']))
      .map(String)
      .join(' ');
    const urls = [...test.matchAll(/https?:\/\/[^/'"\s]+?(?::(\d+))?(\/[^'"\s)]*)/g)];
    if (!urls.some((match) => match[2] === config.readinessPath)) {
      problem(
        ['healthcheck', 'test'],
        config.readinessPath === READINESS_PATH
          ? `must GET ${READINESS_PATH} (the service is healthy when MongoDB and RabbitMQ answer)`
          : `must GET ${config.readinessPath} (${app} serves no ${READINESS_PATH})`,
      );
    }
    for (const [, urlPort, path = ''] of urls) {
      if (!config.servedPaths.has(path))
        problem(['healthcheck', 'test'], `${path} is not a route ${app} serves`);
      if (urlPort !== undefined && Number(urlPort) !== port)
        problem(['healthcheck', 'test'], `port ${urlPort} is not the PORT the app listens on (${port})`);
    }
    // A service waits for the MongoDB and RabbitMQ it uses.
    for (const [dependency, variable] of [
      ['mongodb', 'MONGO_URL'],
      ['rabbitmq', 'AMQP_URL'],
    ] as const) {
      if (
        services[dependency] &&
        config.variables.has(variable) &&
        at(service, ['depends_on', dependency, 'condition']) !== 'service_healthy'
      ) {
        problem(['depends_on', dependency], 'must wait for condition: service_healthy');
      }
    }

    const grace = durationSeconds(service.stop_grace_period ?? '10s');
    if (settings.SHUTDOWN_TIMEOUT_MS !== undefined) {
      const shutdownSeconds = Number(settings.SHUTDOWN_TIMEOUT_MS) / 1000;
      if (grace === undefined || grace <= shutdownSeconds) {
        problem(
          ['stop_grace_period'],
          `must exceed SHUTDOWN_TIMEOUT_MS (${shutdownSeconds} s), or compose kills a clean shutdown`,
        );
      }
    } else if (grace === undefined) {
      problem(['stop_grace_period'], 'must be a duration such as 10s');
    }
  }

  const apps = appNames(expectations.repoRoot);
  for (const client of built) checkUpstreams(client, built, apps, document, report);
}

/**
 * An app calling others (the dashboard): each `<APP>_URL` names the compose service built from that app,
 * on the PORT it listens on, and waits for it to be healthy; a raw key (`*_API_KEY`) is one the called
 * services accept (its SHA-256 is in their API_KEYS) and whose agency reads the `*_AUDIENCES` feeds.
 */
function checkUpstreams(
  client: BuiltService,
  built: readonly BuiltService[],
  apps: readonly string[],
  document: YamlDocument,
  report: Report,
): void {
  const problem = (path: Path, message: string): void =>
    problemAt(report, document, client.object, ['services', client.name, ...path], message);
  const variablePath = (variable: string): Path =>
    client.listForm ? ['environment'] : ['environment', variable];
  const keyVariable = [...client.config.variables].find((name) => name.endsWith('_API_KEY'));
  const key = keyVariable ? client.settings[keyVariable] : undefined;
  const audiencesVariable = [...client.config.variables].find((name) => name.endsWith('_AUDIENCES'));
  const audiences = audiencesVariable ? asArray(client.settings[audiencesVariable]).map(String) : [];

  /** Audience -> the called services whose record of the key may not read it. */
  const unread = new Map<string, string[]>();
  for (const { variable, app, url, port } of upstreamUrls(
    client.config.variables,
    client.settings,
    client.config.app,
    apps,
  )) {
    const target = built.find((service) => service.name === url.hostname);
    if (!target || target.config.app !== app) {
      const candidates = built.filter((service) => service.config.app === app).map((service) => service.name);
      problem(
        variablePath(variable),
        `${url.hostname} is not the compose service of ${app} (${candidates.join(', ') || 'none here'})`,
      );
      continue;
    }
    if (port !== Number(target.settings.PORT)) {
      problem(
        variablePath(variable),
        `port ${port} is not the PORT ${target.name} listens on (${String(target.settings.PORT)})`,
      );
    }
    if (
      target.service.healthcheck &&
      at(client.service, ['depends_on', target.name, 'condition']) !== 'service_healthy'
    ) {
      problem(
        ['depends_on', target.name],
        `must wait for ${target.name} (${variable}) with condition: service_healthy`,
      );
    }
    if (keyVariable === undefined || typeof key !== 'string') continue;
    const records = asArray(target.settings.API_KEYS);
    const record = asRecord(records.find((entry) => asRecord(entry)?.sha256 === keyHash(key)));
    if (!record) {
      problem(
        variablePath(keyVariable),
        `is not a key of ${target.name}: its SHA-256 is not in that service's API_KEYS (calls through ${variable} would get 401)`,
      );
      continue;
    }
    for (const audience of audiences) {
      if (readsAudience(record, audience)) continue;
      const where = `${target.name} (${String(record.keyId)}: agency ${String(record.agency)}${record.province ? `, province ${String(record.province)}` : ''})`;
      unread.set(audience, [...(unread.get(audience) ?? []), where]);
    }
  }
  if (audiencesVariable) {
    for (const [audience, where] of unread) {
      problem(
        variablePath(audiencesVariable),
        `the key may not read the feed ${audience}: its record on ${where.join(', ')} is of another agency or province`,
      );
    }
  }
}

/** The Dockerfile against the repository: turbo version, user, health check route, entry point. */
export function checkDockerfile(file: string, expectations: ServiceExpectations, report: Report): void {
  report.files += 1;
  if (!existsSync(file)) {
    report.add(file, { message: 'does not exist' });
    return;
  }
  const text = readFileSync(file, 'utf8');
  const lineOf = (pattern: RegExp): number | undefined => {
    const index = text.search(pattern);
    return index < 0 ? undefined : text.slice(0, index).split('\n').length;
  };
  const rootPackage = JSON.parse(readFileSync(join(expectations.repoRoot, 'package.json'), 'utf8')) as {
    devDependencies?: Record<string, string>;
  };
  const turbo = rootPackage.devDependencies?.turbo?.replace(/^[\^~]/, '');
  const turboArg = /^ARG TURBO_VERSION=(\S+)/m.exec(text)?.[1];
  if (turboArg !== turbo) {
    report.add(file, {
      line: lineOf(/^ARG TURBO_VERSION/m),
      field: 'TURBO_VERSION',
      message: `is ${turboArg}, the root package.json has turbo ${turbo}`,
    });
  }
  const user = /^USER\s+(\S+)/m.exec(text)?.[1];
  if (!user || /^(0|root)(:|$)/.test(user)) {
    report.add(file, {
      line: lineOf(/^USER/m),
      field: 'USER',
      message: "the final stage must run as a non-root user (1000:1000, the image's node user)",
    });
  }
  if (!/^STOPSIGNAL\s+SIGTERM/m.test(text))
    report.add(file, { field: 'STOPSIGNAL', message: 'must be SIGTERM (service-kit shuts down on it)' });
  const healthcheck = /^HEALTHCHECK[\s\S]*?CMD\s+(.*)$/m.exec(text)?.[1] ?? '';
  // The URL is built from PORT, so the path is the quoted string starting with a slash.
  const path = /['"](\/[^'"\s]*)['"]/.exec(healthcheck)?.[1];
  if (path !== LIVENESS_PATH || !expectations.servedPaths.has(path)) {
    report.add(file, {
      line: lineOf(/^HEALTHCHECK/m),
      field: 'HEALTHCHECK',
      message: `must GET ${LIVENESS_PATH} (got ${path ?? 'no URL'})`,
    });
  }
  const workdir = /^WORKDIR\s+\/app\/apps\/\$\{APP\}\s*$/m.test(text);
  const command = /^CMD\s+\["node",\s*"([^"]+)"\]/m.exec(text)?.[1];
  // Every app the Dockerfile builds (the services and the dashboard alike): the one CMD must run the
  // entry point each one's build emits, src/main.ts compiled by its tsconfig.build.json.
  const entryPoints = new Set<string>();
  for (const app of appNames(expectations.repoRoot)) {
    const built = builtLayout(expectations.repoRoot, app);
    if (typeof built !== 'string') entryPoints.add(built.entry);
    else {
      report.add(join(expectations.repoRoot, 'apps', app), {
        message: `${built}: the image cannot start it`,
      });
    }
  }
  const entry = entryPoints.size === 1 ? [...entryPoints][0] : undefined;
  if (!workdir || command === undefined || entryPoints.size > 1 || (entry && entry !== command)) {
    report.add(file, {
      line: lineOf(/^CMD/m),
      field: 'CMD',
      message: `must run node ${[...entryPoints].join(' | ')} in WORKDIR /app/apps/\${APP} (where the apps' tsconfig.build.json compiles src/main.ts)`,
    });
  }
}
