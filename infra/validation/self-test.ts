import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateInfra } from './index.ts';
import { formatProblem } from './report.ts';

/** One deliberate mistake in a copy of infra/, and the problem the validator must name for it. */
interface BrokenCase {
  name: string;
  /** File under infra/ to break. */
  file: string;
  /** Text replaced (its first occurrence; it must be there). */
  from: string;
  to: string;
  /** Matches the formatted problem: file, line, object, field and message. */
  expect: RegExp;
}

const CASES: readonly BrokenCase[] = [
  {
    name: 'schema: a container port given as a string',
    file: 'k8s/case-intake/deployment.yaml',
    from: 'containerPort: 3000',
    to: 'containerPort: "3000"',
    expect:
      /^infra\/k8s\/case-intake\/deployment\.yaml:\d+: Deployment\/case-intake spec\.template\.spec\.containers\[0\]\.ports\[0\]\.containerPort: must be integer/,
  },
  {
    name: 'schema: a required field missing',
    file: 'k8s/customs-goods/service.yaml',
    from: '      port: 80\n',
    to: '',
    expect:
      /^infra\/k8s\/customs-goods\/service\.yaml:\d+: Service\/customs-goods spec\.ports\[0\]\.port: is required/,
  },
  {
    name: 'schema: a memory limit that is not a quantity',
    file: 'k8s/oversight-notifications/deployment.yaml',
    from: 'memory: 512Mi',
    to: 'memory: 512 megabytes',
    expect:
      /deployment\.yaml:\d+: Deployment\/oversight-notifications spec\.template\.spec\.containers\[0\]\.resources\.limits\.memory: .*quantity/,
  },
  {
    name: 'schema: an HPA utilization target that is not a number',
    file: 'k8s/case-intake/hpa.yaml',
    from: 'averageUtilization: 70',
    to: 'averageUtilization: seventy',
    expect:
      /hpa\.yaml:\d+: HorizontalPodAutoscaler\/case-intake spec\.metrics\[0\]\.resource\.target\.averageUtilization: must be integer/,
  },
  {
    name: 'a readiness probe on a path the service does not serve',
    file: 'k8s/customs-goods/deployment.yaml',
    from: 'path: /health/ready',
    to: 'path: /healthz',
    expect:
      /deployment\.yaml:\d+: Deployment\/customs-goods spec\.template\.spec\.containers\[0\]\.readinessProbe\.httpGet\.path: \/healthz is not a route/,
  },
  {
    name: 'a ConfigMap variable the app does not know',
    file: 'k8s/oversight-notifications/configmap.yaml',
    from: 'SWEEP_INTERVAL_S:',
    to: 'SWEEP_INTERVAL_SECONDS:',
    expect:
      /configmap\.yaml:\d+: ConfigMap\/oversight-notifications-config data\.SWEEP_INTERVAL_SECONDS: SWEEP_INTERVAL_SECONDS is not a variable of apps\/oversight-notifications\/src\/config\.ts/,
  },
  {
    name: 'a ConfigMap value the app refuses at start',
    file: 'k8s/case-intake/configmap.yaml',
    from: 'LOG_LEVEL: "info"',
    to: 'LOG_LEVEL: "loud"',
    expect:
      /configmap\.yaml:\d+: ConfigMap\/case-intake-config data\.LOG_LEVEL: does not start case-intake: LOG_LEVEL must be one of/,
  },
  {
    name: 'a queue variable naming a queue the broker topology lacks',
    file: 'k8s/customs-goods/configmap.yaml',
    from: 'CASE_EVENTS_QUEUE: "customs-goods.case-events"',
    to: 'CASE_EVENTS_QUEUE: "customs-goods.verdicts"',
    expect:
      /ConfigMap\/customs-goods-config data\.CASE_EVENTS_QUEUE: queue customs-goods\.verdicts is not in infra\/rabbitmq\/definitions\.json/,
  },
  {
    name: 'a grace period shorter than the preStop pause plus the shutdown bound',
    file: 'k8s/case-intake/deployment.yaml',
    from: 'terminationGracePeriodSeconds: 35',
    to: 'terminationGracePeriodSeconds: 20',
    expect: /Deployment\/case-intake spec\.template\.spec\.terminationGracePeriodSeconds: 20 s must exceed/,
  },
  {
    name: 'a writable root filesystem',
    file: 'k8s/customs-goods/deployment.yaml',
    from: 'readOnlyRootFilesystem: true',
    to: 'readOnlyRootFilesystem: false',
    expect: /securityContext\.readOnlyRootFilesystem: must be true/,
  },
  {
    name: 'a real credential in a Secret manifest',
    file: 'k8s/oversight-notifications/secret.yaml',
    from: 'AMQP_URL: "amqps://REPLACE_ME_USER:REPLACE_ME_PASSWORD@REPLACE_ME_RABBITMQ_HOST:5671/"',
    to: 'AMQP_URL: "amqps://oversight:s3cret@rabbitmq.prod:5671/"',
    expect:
      /secret\.yaml:\d+: Secret\/oversight-notifications-secrets stringData\.AMQP_URL: must be a placeholder/,
  },
  {
    name: 'the Secret of placeholders applied by the kustomization',
    file: 'k8s/case-intake/kustomization.yaml',
    from: '  - configmap.yaml\n',
    to: '  - configmap.yaml\n  - secret.yaml\n',
    expect: /kustomization\.yaml:\d+: resources\[1\]: secret\.yaml holds a Secret of placeholders/,
  },
  {
    name: 'a YAML syntax error',
    file: 'k8s/customs-goods/hpa.yaml',
    from: 'minReplicas: 2',
    to: 'minReplicas: [2',
    expect: /^infra\/k8s\/customs-goods\/hpa\.yaml:\d+: YAML:/,
  },
  {
    name: 'broker definitions whose queue arguments differ from what the code declares',
    file: 'rabbitmq/definitions.json',
    from: '"x-message-ttl": 5000',
    to: '"x-message-ttl": 6000',
    expect:
      /^infra\/rabbitmq\/definitions\.json:\d+: queues\[customs-goods\.case-events\.wait\.5000ms\]: differs from what the services declare .*x-message-ttl/,
  },
  {
    name: 'compose: a variable the app does not know',
    file: 'docker-compose.yml',
    from: 'MONGO_DB: case_intake',
    to: 'MONGO_DATABASE: case_intake',
    expect:
      /^infra\/docker-compose\.yml:\d+: service case-intake services\.case-intake\.environment\.MONGO_DATABASE: MONGO_DATABASE is not a variable/,
  },
  {
    name: 'compose: a health check on a route the services do not serve',
    file: 'docker-compose.yml',
    from: "/health/ready')",
    to: "/ready')",
    expect:
      /docker-compose\.yml:\d+: service customs-goods services\.customs-goods\.healthcheck\.test: \/ready is not a route/,
  },
  {
    name: 'dashboard, compose: DASHBOARD_API_KEY missing',
    file: 'docker-compose.yml',
    from: '      DASHBOARD_API_KEY: local-dev-dashboard-key\n',
    to: '',
    expect:
      /^infra\/docker-compose\.yml:\d+: service dashboard services\.dashboard\.environment: this environment does not start dashboard: .*DASHBOARD_API_KEY is required/,
  },
  {
    name: 'dashboard, compose: a key the services do not hold',
    file: 'docker-compose.yml',
    from: 'DASHBOARD_API_KEY: local-dev-dashboard-key',
    to: 'DASHBOARD_API_KEY: some-other-dashboard-key',
    expect:
      /^infra\/docker-compose\.yml:\d+: service dashboard services\.dashboard\.environment\.DASHBOARD_API_KEY: is not a key of case-intake/,
  },
  {
    name: 'dashboard, compose: HOST left to its default, 127.0.0.1',
    file: 'docker-compose.yml',
    from: '      HOST: 0.0.0.0\n',
    to: '',
    expect:
      /^infra\/docker-compose\.yml:\d+: service dashboard services\.dashboard\.environment\.HOST: 127\.0\.0\.1 \(the default\) is unreachable/,
  },
  {
    name: 'dashboard, compose: a service URL on the published port instead of the container port',
    file: 'docker-compose.yml',
    from: 'OVERSIGHT_URL: http://oversight-notifications:3000',
    to: 'OVERSIGHT_URL: http://oversight-notifications:3003',
    expect:
      /^infra\/docker-compose\.yml:\d+: service dashboard services\.dashboard\.environment\.OVERSIGHT_URL: port 3003 is not the PORT oversight-notifications listens on/,
  },
  {
    name: 'dashboard, k8s: a readiness probe on /health/ready, which the dashboard does not serve',
    file: 'k8s/dashboard/deployment.yaml',
    from: 'readinessProbe:\n            httpGet:\n              path: /health/live',
    to: 'readinessProbe:\n            httpGet:\n              path: /health/ready',
    expect:
      /^infra\/k8s\/dashboard\/deployment\.yaml:\d+: Deployment\/dashboard spec\.template\.spec\.containers\[0\]\.readinessProbe\.httpGet\.path: \/health\/ready is not a route the app serves/,
  },
  {
    name: 'dashboard, k8s: a container port other than PORT',
    file: 'k8s/dashboard/deployment.yaml',
    from: 'containerPort: 3000',
    to: 'containerPort: 8080',
    expect:
      /^infra\/k8s\/dashboard\/deployment\.yaml:\d+: Deployment\/dashboard spec\.template\.spec\.containers\[0\]\.ports\[0\]\.containerPort: must be 3000/,
  },
  {
    name: 'dashboard, k8s: the API key inline in the ConfigMap',
    file: 'k8s/dashboard/configmap.yaml',
    from: '  LOG_LEVEL: "info"\n',
    to: '  LOG_LEVEL: "info"\n  DASHBOARD_API_KEY: "an-inline-dashboard-key-0123"\n',
    expect:
      /^infra\/k8s\/dashboard\/configmap\.yaml:\d+: ConfigMap\/dashboard-config data\.DASHBOARD_API_KEY: DASHBOARD_API_KEY is a credential: it belongs in the app's Secret/,
  },
  {
    name: 'dashboard, k8s: a service URL on the pod port instead of the Service port',
    file: 'k8s/dashboard/configmap.yaml',
    from: 'OVERSIGHT_URL: "http://oversight-notifications"',
    to: 'OVERSIGHT_URL: "http://oversight-notifications:3000"',
    expect:
      /^infra\/k8s\/dashboard\/configmap\.yaml:\d+: ConfigMap\/dashboard-config data\.OVERSIGHT_URL: OVERSIGHT_URL names port 3000, which is not a port of Service\/oversight-notifications/,
  },
  {
    name: 'dashboard, k8s: a static directory that is not where the image has the page',
    file: 'k8s/dashboard/configmap.yaml',
    from: '  LOG_LEVEL: "info"\n',
    to: '  LOG_LEVEL: "info"\n  DASHBOARD_STATIC_DIR: "dist/web"\n',
    expect:
      /^infra\/k8s\/dashboard\/configmap\.yaml:\d+: ConfigMap\/dashboard-config data\.DASHBOARD_STATIC_DIR: DASHBOARD_STATIC_DIR must be \/app\/apps\/dashboard\/dist\/web/,
  },
  {
    name: 'dashboard, compose: a static directory where the image has the page sources, not the built page',
    file: 'docker-compose.yml',
    from: '      DASHBOARD_API_KEY: local-dev-dashboard-key\n',
    to: '      DASHBOARD_API_KEY: local-dev-dashboard-key\n      DASHBOARD_STATIC_DIR: /app/apps/dashboard/src/web\n',
    expect:
      /^infra\/docker-compose\.yml:\d+: service dashboard services\.dashboard\.environment\.DASHBOARD_STATIC_DIR: must be \/app\/apps\/dashboard\/dist\/web, where the image has the built page/,
  },
  {
    name: 'Dockerfile: a turbo version other than the repository one',
    file: 'docker/Dockerfile',
    from: 'ARG TURBO_VERSION=',
    to: 'ARG TURBO_VERSION=1.0.0-',
    expect: /^infra\/docker\/Dockerfile:\d+: TURBO_VERSION: is 1\.0\.0-/,
  },
];

export interface SelfTestResult {
  name: string;
  ok: boolean;
  /** The problem that matched, or what was reported instead. */
  detail: string;
}

async function problemsOfCopy(
  infraDir: string,
  repoRoot: string,
  brokenCase?: BrokenCase,
): Promise<string[]> {
  const copy = mkdtempSync(join(tmpdir(), 'validate-infra-'));
  try {
    cpSync(infraDir, join(copy, 'infra'), { recursive: true });
    if (brokenCase) {
      const file = join(copy, 'infra', brokenCase.file);
      const text = readFileSync(file, 'utf8');
      if (!text.includes(brokenCase.from)) {
        return [
          `(self-test case out of date: ${brokenCase.file} no longer contains ${JSON.stringify(brokenCase.from)})`,
        ];
      }
      writeFileSync(file, text.replace(brokenCase.from, brokenCase.to));
    }
    const report = await validateInfra(join(copy, 'infra'), repoRoot);
    return report.problems.map(formatProblem);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

/**
 * Runs the validator on copies of infra/: the unchanged copy must pass, and each broken copy must fail
 * with a problem naming the file and the field.
 */
export async function selfTest(infraDir: string, repoRoot: string): Promise<SelfTestResult[]> {
  const results: SelfTestResult[] = [];
  const baseline = await problemsOfCopy(infraDir, repoRoot);
  results.push({
    name: 'the unchanged copy passes',
    ok: baseline.length === 0,
    detail: baseline.length === 0 ? 'no problems' : baseline.join('\n      '),
  });
  for (const brokenCase of CASES) {
    const problems = await problemsOfCopy(infraDir, repoRoot, brokenCase);
    const match = problems.find((problem) => brokenCase.expect.test(problem));
    results.push({
      name: brokenCase.name,
      ok: match !== undefined,
      detail: match ?? `expected ${brokenCase.expect}, got: ${problems.join(' | ') || 'no problems'}`,
    });
  }
  return results;
}
