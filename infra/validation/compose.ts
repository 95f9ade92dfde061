import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkQueueVariables, type ServiceExpectations } from './kubernetes.ts';
import type { Report } from './report.ts';
import { appConfig, builtEntryPoint } from './services.ts';
import { asArray, asRecord, at, type Path, problemAt, readYaml } from './yaml-files.ts';

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

/** The services built from infra/docker/Dockerfile, against their config schemas and the routes served. */
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
    if (!builtEntryPoint(expectations.repoRoot, app)) {
      problem(
        ['build', 'args', 'APP'],
        `apps/${app} has no src/main.ts compiled to dist/ by tsconfig.build.json`,
      );
    }

    const { env, listForm } = environmentOf(service);
    for (const variable of Object.keys(env)) {
      if (!config.variables.has(variable)) {
        problem(
          listForm ? ['environment'] : ['environment', variable],
          `${variable} is not a variable of apps/${app}/src/config.ts`,
        );
      }
    }
    const loaded = config.load(env);
    if ('error' in loaded) {
      problem(['environment'], `this environment does not start ${app}: ${loaded.error}`);
      continue;
    }
    const settings = loaded.config;
    checkQueueVariables(config, settings, expectations.queues, (variable, message) =>
      problem(listForm ? ['environment'] : ['environment', variable], message),
    );
    const mongoUrl = String(settings.MONGO_URL ?? '');
    const replicaSet = /[?&]replicaSet=([^&]+)/.exec(mongoUrl)?.[1];
    if (!replicaSet) problem(['environment', 'MONGO_URL'], 'must name the replica set (?replicaSet=rs0)');
    else if (replicaSets.length > 0 && !replicaSets.includes(replicaSet)) {
      problem(
        ['environment', 'MONGO_URL'],
        `replicaSet=${replicaSet} is not the --replSet of the mongodb service (${replicaSets.join(', ')})`,
      );
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
    if (!urls.some((match) => match[2] === '/health/ready')) {
      problem(
        ['healthcheck', 'test'],
        'must GET /health/ready (the service is healthy when MongoDB and RabbitMQ answer)',
      );
    }
    for (const [, urlPort, path = ''] of urls) {
      if (!expectations.servedPaths.has(path))
        problem(['healthcheck', 'test'], `${path} is not a route the service serves`);
      if (urlPort !== undefined && Number(urlPort) !== port)
        problem(['healthcheck', 'test'], `port ${urlPort} is not the PORT the app listens on (${port})`);
    }
    for (const dependency of ['mongodb', 'rabbitmq']) {
      if (
        services[dependency] &&
        at(service, ['depends_on', dependency, 'condition']) !== 'service_healthy'
      ) {
        problem(['depends_on', dependency], 'must wait for condition: service_healthy');
      }
    }

    const grace = durationSeconds(service.stop_grace_period ?? '10s');
    const shutdownSeconds = Number(settings.SHUTDOWN_TIMEOUT_MS) / 1000;
    if (grace === undefined || grace <= shutdownSeconds) {
      problem(
        ['stop_grace_period'],
        `must exceed SHUTDOWN_TIMEOUT_MS (${shutdownSeconds} s), or compose kills a clean shutdown`,
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
  if (path !== '/health/live' || !expectations.servedPaths.has(path)) {
    report.add(file, {
      line: lineOf(/^HEALTHCHECK/m),
      field: 'HEALTHCHECK',
      message: `must GET /health/live (got ${path ?? 'no URL'})`,
    });
  }
  const workdir = /^WORKDIR\s+\/app\/apps\/\$\{APP\}\s*$/m.test(text);
  const command = /^CMD\s+\["node",\s*"([^"]+)"\]/m.exec(text)?.[1];
  // Every app with a main.ts: the one CMD must fit them all.
  const apps = readdirSync(join(expectations.repoRoot, 'apps')).filter((app) =>
    existsSync(join(expectations.repoRoot, 'apps', app, 'src/main.ts')),
  );
  const entryPoints = new Set(apps.map((app) => builtEntryPoint(expectations.repoRoot, app)));
  if (!workdir || command === undefined || entryPoints.size !== 1 || !entryPoints.has(command)) {
    report.add(file, {
      line: lineOf(/^CMD/m),
      field: 'CMD',
      message: `must run node ${[...entryPoints].join(' | ')} in WORKDIR /app/apps/\${APP} (the apps' tsconfig.build.json output)`,
    });
  }
}
