import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { validateKubernetesObject } from './kubernetes-schema.ts';
import type { Report } from './report.ts';
import {
  type AppConfig,
  appConfig,
  appNames,
  hasCredentials,
  isLoopbackHost,
  isSecretVariable,
  upstreamUrls,
} from './services.ts';
import { checkStaticDir, type WebImageLayout } from './web-image.ts';
import {
  asArray,
  asRecord,
  at,
  type Path,
  problemAt,
  readYaml,
  type YamlDocument,
  yamlFilesUnder,
} from './yaml-files.ts';

/** What the Deployments and compose services are checked against, besides each app's own config. */
export interface ServiceExpectations {
  repoRoot: string;
  /** GET routes service-kit serves on every service. */
  servedPaths: ReadonlySet<string>;
  /** Queue names of infra/rabbitmq/definitions.json. */
  queues: ReadonlySet<string>;
  /** Where the image puts each web app's server and page (web-image.ts). */
  webImages: ReadonlyMap<string, WebImageLayout>;
}

interface KubeObject {
  document: YamlDocument;
  folder: string;
  kind: string;
  name: string;
  label: string;
  value: Record<string, unknown>;
}

/** Validates every manifest under infra/k8s: schemas, kustomizations, and each service's folder. */
export async function checkKubernetes(k8sDir: string, expectations: ServiceExpectations, report: Report) {
  const objects: KubeObject[] = [];
  const kustomizations: YamlDocument[] = [];
  for (const file of yamlFilesUnder(k8sDir)) {
    for (const document of readYaml(file, report)) {
      const value = asRecord(document.value);
      if (value?.kind === 'Kustomization') {
        kustomizations.push(document);
        continue;
      }
      if (!(await validateKubernetesObject(document, report)) || !value) continue;
      const name = String(asRecord(value.metadata)?.name ?? '?');
      const kind = String(value.kind);
      objects.push({ document, folder: dirname(file), kind, name, label: `${kind}/${name}`, value });
    }
  }
  for (const document of kustomizations) checkKustomization(document, objects, report);
  for (const secret of objects.filter((object) => object.kind === 'Secret'))
    checkPlaceholderSecret(secret, report);

  const folders = [...new Set(objects.map((object) => object.folder))];
  for (const folder of folders) {
    const inFolder = objects.filter((object) => object.folder === folder);
    for (const deployment of inFolder.filter((object) => object.kind === 'Deployment')) {
      await checkDeployment(deployment, inFolder, objects, expectations, report);
    }
  }
}

/** Resources exist; every manifest of the folder is applied, except Secrets, which never are. */
function checkKustomization(document: YamlDocument, objects: readonly KubeObject[], report: Report): void {
  const folder = dirname(document.file);
  const value = asRecord(document.value) ?? {};
  const resources = asArray(value.resources);
  const listedFiles = new Set<string>();
  resources.forEach((resource, index) => {
    const path = join(folder, String(resource));
    if (!existsSync(path)) {
      problemAt(report, document, undefined, ['resources', index], `${String(resource)} does not exist`);
    } else if (statSync(path).isDirectory()) {
      if (!existsSync(join(path, 'kustomization.yaml'))) {
        problemAt(
          report,
          document,
          undefined,
          ['resources', index],
          `${String(resource)} has no kustomization.yaml`,
        );
      }
    } else {
      listedFiles.add(path);
      if (objects.some((object) => object.document.file === path && object.kind === 'Secret')) {
        problemAt(
          report,
          document,
          undefined,
          ['resources', index],
          `${String(resource)} holds a Secret of placeholders: applying it would overwrite the real credentials; apply a filled copy separately`,
        );
      }
    }
  });
  for (const entry of readdirSync(folder).sort()) {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) {
      if (existsSync(join(path, 'kustomization.yaml')) && !resources.includes(entry)) {
        problemAt(report, document, undefined, ['resources'], `folder ${entry} is not listed`);
      }
    } else if (/\.ya?ml$/.test(entry) && entry !== basename(document.file) && !listedFiles.has(path)) {
      const secretsOnly = objects.some((object) => object.document.file === path && object.kind === 'Secret');
      if (!secretsOnly) problemAt(report, document, undefined, ['resources'], `${entry} is not listed`);
    }
  }
  const deployments = objects.filter((object) => object.folder === folder && object.kind === 'Deployment');
  if (deployments.length > 0 && typeof value.namespace !== 'string') {
    problemAt(
      report,
      document,
      undefined,
      ['namespace'],
      'is required (the namespace of base/namespace.yaml)',
    );
  }
  const pinned = new Set(asArray(value.images).map((image) => String(asRecord(image)?.name)));
  for (const deployment of deployments) {
    asArray(at(deployment.value, ['spec', 'template', 'spec', 'containers'])).forEach((container, index) => {
      const image = String(asRecord(container)?.image ?? '');
      const name = image.replace(/[:@].*$/, '');
      if (!pinned.has(name)) {
        problemAt(
          report,
          deployment.document,
          deployment.label,
          ['spec', 'template', 'spec', 'containers', index, 'image'],
          `image ${name} has no entry in ${basename(document.file)} images (which sets its registry and tag)`,
        );
      }
    });
  }
}

/** Secret manifests in the repository hold placeholders only, in stringData. */
function checkPlaceholderSecret(secret: KubeObject, report: Report): void {
  if (secret.value.data !== undefined) {
    problemAt(
      report,
      secret.document,
      secret.label,
      ['data'],
      'use stringData with REPLACE_ME placeholders; real values never go into the repository',
    );
  }
  for (const [key, value] of Object.entries(asRecord(secret.value.stringData) ?? {})) {
    if (typeof value !== 'string' || !value.includes('REPLACE_ME')) {
      problemAt(
        report,
        secret.document,
        secret.label,
        ['stringData', key],
        'must be a placeholder containing REPLACE_ME: real credentials never go into the repository',
      );
    }
  }
}

/** A ConfigMap's data or a Secret's stringData, by name, from the same folder. */
function findSource(inFolder: readonly KubeObject[], kind: 'ConfigMap' | 'Secret', name: unknown) {
  return inFolder.find((object) => object.kind === kind && object.name === name);
}

interface EnvOrigin {
  name: string;
  /** The value, when the manifest holds it (ConfigMap data, Secret stringData, env value). */
  value?: string;
  document: YamlDocument;
  label: string;
  path: Path;
  /** Where the value comes from: a ConfigMap, a Secret, or the Deployment (a literal or a reference). */
  from: 'ConfigMap' | 'Secret' | 'value' | 'secretKeyRef' | 'configMapKeyRef' | 'fieldRef';
}

/**
 * The container's environment from envFrom (ConfigMap data, Secret stringData) and env; `origins` has
 * where each name is finally set, `sources` every place that sets it (a later one overrides),
 * `unresolved` the names whose value is known only in the cluster.
 */
function environmentOf(
  deployment: KubeObject,
  containerPath: Path,
  inFolder: readonly KubeObject[],
  report: Report,
): {
  env: Record<string, string>;
  origins: Map<string, EnvOrigin>;
  sources: EnvOrigin[];
  unresolved: Set<string>;
} {
  const env: Record<string, string> = {};
  const unresolved = new Set<string>();
  const origins = new Map<string, EnvOrigin>();
  const sources: EnvOrigin[] = [];
  const record = (name: string, origin: EnvOrigin): void => {
    origins.set(name, origin);
    sources.push(origin);
  };
  asArray(at(deployment.value, [...containerPath, 'envFrom'])).forEach((source, index) => {
    const path = [...containerPath, 'envFrom', index];
    for (const [reference, kind, field] of [
      ['configMapRef', 'ConfigMap', 'data'],
      ['secretRef', 'Secret', 'stringData'],
    ] as const) {
      const name = at(source, [reference, 'name']);
      if (name === undefined) continue;
      const found = findSource(inFolder, kind, name);
      if (!found) {
        problemAt(
          report,
          deployment.document,
          deployment.label,
          [...path, reference, 'name'],
          `${kind} ${String(name)} is not defined in this folder`,
        );
        continue;
      }
      for (const [key, value] of Object.entries(asRecord(found.value[field]) ?? {})) {
        env[key] = String(value);
        record(key, {
          name: key,
          value: String(value),
          document: found.document,
          label: found.label,
          path: [field, key],
          from: kind,
        });
      }
    }
  });
  asArray(at(deployment.value, [...containerPath, 'env'])).forEach((entry, index) => {
    const name = at(entry, ['name']);
    if (typeof name !== 'string') return;
    const value = at(entry, ['value']);
    const reference = (['secretKeyRef', 'configMapKeyRef', 'fieldRef'] as const).find(
      (kind) => at(entry, ['valueFrom', kind]) !== undefined,
    );
    if (typeof value === 'string') env[name] = value;
    else {
      // valueFrom: a key of a ConfigMap or Secret of this folder is read there; anything else (a field,
      // an object applied elsewhere) is known only in the cluster: the name is still checked.
      const [kind, field] =
        reference === 'secretKeyRef' ? (['Secret', 'stringData'] as const) : (['ConfigMap', 'data'] as const);
      const source = reference === 'fieldRef' ? undefined : at(entry, ['valueFrom', reference ?? '']);
      const found = source === undefined ? undefined : findSource(inFolder, kind, at(source, ['name']));
      const resolved = found ? asRecord(found.value[field])?.[String(at(source, ['key']))] : undefined;
      if (resolved === undefined) unresolved.add(name);
      env[name] = resolved === undefined ? 'x' : String(resolved);
    }
    record(name, {
      name,
      ...(typeof value === 'string' ? { value } : {}),
      document: deployment.document,
      label: deployment.label,
      path: [...containerPath, 'env', index, 'name'],
      from: typeof value === 'string' ? 'value' : (reference ?? 'value'),
    });
  });
  return { env, origins, sources, unresolved };
}

function preStopSeconds(container: unknown): number | undefined {
  const preStop = at(container, ['lifecycle', 'preStop']);
  const sleep = at(preStop, ['sleep', 'seconds']);
  if (typeof sleep === 'number') return sleep;
  const command = asArray(at(preStop, ['exec', 'command']))
    .map(String)
    .join(' ');
  const match = /(?:^|[\s/])sleep\s+(\d+)/.exec(command);
  return match ? Number(match[1]) : undefined;
}

function labelsMatch(selector: unknown, labels: unknown): boolean {
  const wanted = asRecord(selector);
  const have = asRecord(labels) ?? {};
  return wanted !== undefined && Object.entries(wanted).every(([key, value]) => have[key] === value);
}

/** An app's Deployment against its own config schema, the routes it serves, and its neighbours. */
async function checkDeployment(
  deployment: KubeObject,
  inFolder: readonly KubeObject[],
  all: readonly KubeObject[],
  expectations: ServiceExpectations,
  report: Report,
): Promise<void> {
  const { document, label } = deployment;
  const problem = (path: Path, message: string): void => problemAt(report, document, label, path, message);
  const app = basename(deployment.folder);
  const config = await appConfig(expectations.repoRoot, app);
  if (typeof config === 'string') {
    problem([], `the folder names app ${app}, but ${config}`);
    return;
  }
  if (deployment.name !== app) problem(['metadata', 'name'], `must be ${app}, the folder's app`);
  const replicas = at(deployment.value, ['spec', 'replicas']);
  if (typeof replicas !== 'number' || replicas < 2) problem(['spec', 'replicas'], 'must be at least 2');

  const podSpec: Path = ['spec', 'template', 'spec'];
  const containers = asArray(at(deployment.value, [...podSpec, 'containers']));
  const index = containers.findIndex((container) => at(container, ['name']) === app);
  if (index < 0) {
    problem([...podSpec, 'containers'], `has no container named ${app}`);
    return;
  }
  const containerPath: Path = [...podSpec, 'containers', index];
  const container = containers[index];
  const image = String(at(container, ['image']) ?? '');
  if (!image.replace(/[:@].*$/, '').endsWith(`enforcement/${app}`)) {
    problem(
      [...containerPath, 'image'],
      `must be the image built with --build-arg APP=${app} (enforcement/${app})`,
    );
  }

  // Environment: every name known to the app, credentials only from Secrets, and the whole satisfying
  // its schema.
  const { env, origins, sources, unresolved } = environmentOf(deployment, containerPath, inFolder, report);
  checkVariableNames(config, env, origins, report);
  checkSecretsNotInline(config, sources, report);
  const onVariable = (name: string, message: string): void => {
    const origin = origins.get(name);
    if (origin) problemAt(report, origin.document, origin.label, origin.path, message);
    else problem([...containerPath, 'envFrom'], message);
  };
  const loaded = config.load(env);
  if ('error' in loaded) {
    // One problem per variable, on the line that sets it when one does (a missing one: on envFrom);
    // none for a value known only in the cluster (the checks below need the whole config: skipped).
    for (const issue of loaded.error.replace(/^config error: /, '').split('; ')) {
      const name = /^[A-Z0-9_]+/.exec(issue)?.[0] ?? '';
      if (!unresolved.has(name)) onVariable(name, `does not start ${app}: ${issue}`);
    }
    return;
  }
  const settings = loaded.config;
  checkQueueVariables(config, settings, expectations.queues, onVariable);
  if (isLoopbackHost(settings.HOST)) {
    onVariable(
      'HOST',
      `HOST is ${String(settings.HOST)}${env.HOST === undefined ? ' (the default)' : ''}: the probes and the Service cannot reach it; use 0.0.0.0`,
    );
  }
  checkUpstreamServices(config, settings, all, appNames(expectations.repoRoot), onVariable);
  const layout = expectations.webImages.get(app);
  if (layout) {
    checkStaticDir(expectations.repoRoot, config, layout, env, settings, (variable, message) =>
      onVariable(variable, `${variable} ${message}`),
    );
  }

  // Ports and probes: the paths the app serves, on the port it listens on.
  const port = Number(settings.PORT);
  const ports = asArray(at(container, ['ports']));
  const http = ports.findIndex((entry) => at(entry, ['name']) === 'http');
  if (http < 0) problem([...containerPath, 'ports'], 'needs a port named http');
  else if (at(ports[http], ['containerPort']) !== port) {
    problem(
      [...containerPath, 'ports', http, 'containerPort'],
      `must be ${port}, the PORT the app listens on`,
    );
  }
  const resolvePort = (value: unknown): number | undefined => {
    if (typeof value === 'number') return value;
    const named = ports.find((entry) => at(entry, ['name']) === value);
    const number = at(named, ['containerPort']);
    return typeof number === 'number' ? number : undefined;
  };
  const probes = [
    ['livenessProbe', config.livenessPath, true],
    ['readinessProbe', config.readinessPath, true],
    ['startupProbe', config.livenessPath, false],
  ] as const;
  for (const [probe, expected, required] of probes) {
    const probePath: Path = [...containerPath, probe];
    const spec = at(container, [probe]);
    if (spec === undefined) {
      if (required) problem(probePath, `is required (GET ${expected})`);
      continue;
    }
    const path = at(spec, ['httpGet', 'path']);
    if (typeof path !== 'string') {
      problem([...probePath, 'httpGet', 'path'], `must be an HTTP GET of ${expected}`);
      continue;
    }
    if (!config.servedPaths.has(path)) {
      const server = config.kind === 'service' ? 'service-kit' : `apps/${app}/src/server`;
      problem(
        [...probePath, 'httpGet', 'path'],
        `${path} is not a route the ${config.kind === 'service' ? 'service' : 'app'} serves (${server} serves ${[...config.servedPaths].join(', ')})`,
      );
    } else if (path !== expected) {
      problem([...probePath, 'httpGet', 'path'], `must be ${expected}, not ${path}`);
    }
    if (resolvePort(at(spec, ['httpGet', 'port'])) !== port) {
      problem([...probePath, 'httpGet', 'port'], `must reach port ${port}, the PORT the app listens on`);
    }
  }
  const readinessTimeout = at(container, ['readinessProbe', 'timeoutSeconds']);
  if (settings.READINESS_PROBE_TIMEOUT_MS !== undefined) {
    const probeTimeoutMs = Number(settings.READINESS_PROBE_TIMEOUT_MS);
    if (typeof readinessTimeout === 'number' && readinessTimeout * 1000 <= probeTimeoutMs) {
      problem(
        [...containerPath, 'readinessProbe', 'timeoutSeconds'],
        `must exceed READINESS_PROBE_TIMEOUT_MS (${probeTimeoutMs} ms), or the kubelet gives up before the service answers`,
      );
    }
  }

  // Termination: endpoints drain during preStop, then SIGTERM, then SHUTDOWN_TIMEOUT_MS at most (an app
  // without it, the dashboard, closes at once).
  const pause = preStopSeconds(container);
  if (pause === undefined) {
    problem(
      [...containerPath, 'lifecycle', 'preStop'],
      'needs a sleep (sleep.seconds or exec sleep N) so endpoints drain before SIGTERM',
    );
  }
  const shutdownSeconds =
    settings.SHUTDOWN_TIMEOUT_MS === undefined
      ? undefined
      : Math.ceil(Number(settings.SHUTDOWN_TIMEOUT_MS) / 1000);
  const grace = at(deployment.value, [...podSpec, 'terminationGracePeriodSeconds']) ?? 30;
  const needed = (pause ?? 0) + (shutdownSeconds ?? 0);
  if (typeof grace !== 'number' || grace <= needed) {
    const shutdown = shutdownSeconds === undefined ? '' : ` plus SHUTDOWN_TIMEOUT_MS (${shutdownSeconds} s)`;
    problem(
      [...podSpec, 'terminationGracePeriodSeconds'],
      `${String(grace)} s must exceed the preStop pause (${pause ?? 0} s)${shutdown}: ${needed} s`,
    );
  }

  for (const kind of ['requests', 'limits']) {
    for (const resource of ['cpu', 'memory']) {
      if (at(container, ['resources', kind, resource]) === undefined) {
        problem([...containerPath, 'resources', kind, resource], 'is required');
      }
    }
  }

  // Security: non-root, read-only root filesystem, no privilege escalation, no capabilities.
  const nonRoot =
    at(container, ['securityContext', 'runAsNonRoot']) ??
    at(deployment.value, [...podSpec, 'securityContext', 'runAsNonRoot']);
  if (nonRoot !== true)
    problem(
      [...containerPath, 'securityContext', 'runAsNonRoot'],
      'must be true (here or in the pod securityContext)',
    );
  const security: Path = [...containerPath, 'securityContext'];
  if (at(container, ['securityContext', 'readOnlyRootFilesystem']) !== true)
    problem([...security, 'readOnlyRootFilesystem'], 'must be true');
  if (at(container, ['securityContext', 'allowPrivilegeEscalation']) !== false)
    problem([...security, 'allowPrivilegeEscalation'], 'must be false');
  if (!asArray(at(container, ['securityContext', 'capabilities', 'drop'])).includes('ALL')) {
    problem([...security, 'capabilities', 'drop'], 'must drop ALL');
  }

  checkNeighbours(deployment, container, inFolder, report);
}

/**
 * Credentials come from a Secret, never from a ConfigMap or a literal in the Deployment: variables named
 * as keys, secrets, tokens or passwords, and URLs carrying a password.
 */
function checkSecretsNotInline(config: AppConfig, sources: readonly EnvOrigin[], report: Report): void {
  for (const source of sources) {
    // Unknown names are reported as such; Secrets, secretKeyRef and fieldRef are fine.
    if (!config.variables.has(source.name)) continue;
    if (source.from !== 'ConfigMap' && source.from !== 'value' && source.from !== 'configMapKeyRef') continue;
    if (!isSecretVariable(source.name) && !(source.value !== undefined && hasCredentials(source.value)))
      continue;
    const where = source.from === 'value' ? 'the Deployment' : 'a ConfigMap';
    problemAt(
      report,
      source.document,
      source.label,
      source.path,
      `${source.name} is a credential: it belongs in the app's Secret (secret.yaml, through envFrom secretRef or valueFrom.secretKeyRef), not in ${where}`,
    );
  }
}

/** Names in ConfigMaps, Secrets and env that the app's config schema does not know. */
function checkVariableNames(
  config: AppConfig,
  env: Record<string, string>,
  origins: Map<string, EnvOrigin>,
  report: Report,
): void {
  for (const name of Object.keys(env)) {
    if (config.variables.has(name)) continue;
    const origin = origins.get(name);
    if (!origin) continue;
    problemAt(
      report,
      origin.document,
      origin.label,
      origin.path,
      `${name} is not a variable of ${config.source}`,
    );
  }
}

/** Variables naming a queue (`*_QUEUE`) must name a queue of the broker definitions. */
export function checkQueueVariables(
  config: AppConfig,
  settings: Record<string, unknown>,
  queues: ReadonlySet<string>,
  problem: (name: string, message: string) => void,
): void {
  for (const name of config.variables) {
    if (!name.endsWith('_QUEUE')) continue;
    const queue = settings[name];
    if (typeof queue === 'string' && !queues.has(queue)) {
      problem(name, `queue ${queue} is not in infra/rabbitmq/definitions.json`);
    }
  }
}

/**
 * An app calling others (the dashboard): each `<APP>_URL` names the Service of that app's folder
 * (`http://oversight-notifications`, or with `.enforcement...` after it) on one of its ports.
 */
function checkUpstreamServices(
  config: AppConfig,
  settings: Record<string, unknown>,
  all: readonly KubeObject[],
  apps: readonly string[],
  problem: (name: string, message: string) => void,
): void {
  for (const { variable, app, url, port } of upstreamUrls(config.variables, settings, config.app, apps)) {
    const services = all.filter((object) => object.kind === 'Service' && basename(object.folder) === app);
    const name = url.hostname.split('.')[0];
    const service = services.find((object) => object.name === name);
    if (!service) {
      problem(
        variable,
        `${variable} must name the Service of ${app} (${services.map((object) => `http://${object.name}`).join(', ') || `none in k8s/${app}`}), not ${url.hostname}`,
      );
      continue;
    }
    const ports = asArray(at(service.value, ['spec', 'ports'])).map((entry) => at(entry, ['port']));
    if (!ports.includes(port)) {
      problem(
        variable,
        `${variable} names port ${port}, which is not a port of ${service.label} (${ports.map(String).join(', ')})`,
      );
    }
  }
}

/** Service, HPA and PDB of the folder point at this Deployment and its pods. */
function checkNeighbours(
  deployment: KubeObject,
  container: unknown,
  inFolder: readonly KubeObject[],
  report: Report,
): void {
  const podLabels = at(deployment.value, ['spec', 'template', 'metadata', 'labels']);
  const portNames = new Set(asArray(at(container, ['ports'])).map((port) => at(port, ['name'])));
  const portNumbers = new Set(asArray(at(container, ['ports'])).map((port) => at(port, ['containerPort'])));
  const service = inFolder.find((object) => object.kind === 'Service');
  if (!service) {
    problemAt(report, deployment.document, deployment.label, [], 'has no Service in its folder');
  } else {
    if (!labelsMatch(at(service.value, ['spec', 'selector']), podLabels)) {
      problemAt(
        report,
        service.document,
        service.label,
        ['spec', 'selector'],
        `does not select the pods of ${deployment.label}`,
      );
    }
    asArray(at(service.value, ['spec', 'ports'])).forEach((port, index) => {
      const target = at(port, ['targetPort']);
      if (!portNames.has(target) && !portNumbers.has(target)) {
        problemAt(
          report,
          service.document,
          service.label,
          ['spec', 'ports', index, 'targetPort'],
          `${String(target)} is not a port of the container`,
        );
      }
    });
  }
  const hpa = inFolder.find((object) => object.kind === 'HorizontalPodAutoscaler');
  if (!hpa) {
    problemAt(
      report,
      deployment.document,
      deployment.label,
      [],
      'has no HorizontalPodAutoscaler in its folder',
    );
  } else {
    const target = asRecord(at(hpa.value, ['spec', 'scaleTargetRef']));
    if (target?.kind !== 'Deployment' || target.name !== deployment.name) {
      problemAt(report, hpa.document, hpa.label, ['spec', 'scaleTargetRef'], `must name ${deployment.label}`);
    }
    const usesCpu = asArray(at(hpa.value, ['spec', 'metrics'])).some(
      (metric) => at(metric, ['resource', 'name']) === 'cpu',
    );
    if (!usesCpu) problemAt(report, hpa.document, hpa.label, ['spec', 'metrics'], 'must scale on CPU');
    const min = at(hpa.value, ['spec', 'minReplicas']);
    const max = at(hpa.value, ['spec', 'maxReplicas']);
    if (typeof min === 'number' && typeof max === 'number' && min > max) {
      problemAt(
        report,
        hpa.document,
        hpa.label,
        ['spec', 'minReplicas'],
        `${min} exceeds maxReplicas ${max}`,
      );
    }
  }
  for (const pdb of inFolder.filter((object) => object.kind === 'PodDisruptionBudget')) {
    if (!labelsMatch(at(pdb.value, ['spec', 'selector', 'matchLabels']), podLabels)) {
      problemAt(
        report,
        pdb.document,
        pdb.label,
        ['spec', 'selector'],
        `does not select the pods of ${deployment.label}`,
      );
    }
  }
}
