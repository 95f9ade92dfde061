import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkCompose, checkDockerfile } from './compose.ts';
import { checkDefinitions } from './definitions.ts';
import { checkKubernetes } from './kubernetes.ts';
import { Report } from './report.ts';
import { checkRuntimeDependencies } from './runtime-dependencies.ts';
import { appConfig, LIVENESS_PATH, servedOperationalPaths, webAppNames } from './services.ts';
import { webImageLayouts } from './web-image.ts';

/** The routes the Deployments, compose and the image probe; service-kit must keep serving them. */
const PROBED_PATHS = ['/health/live', '/health/ready', '/metrics'];

/**
 * Checks the deployment files of an infra/ folder (the repository's, or a self-test's broken copy)
 * against the code of the repository: Kubernetes schemas, the apps' config schemas and routes,
 * the broker topology the services declare, and the Dockerfile.
 */
export async function validateInfra(infraDir: string, repoRoot: string): Promise<Report> {
  const report = new Report(join(infraDir, '..'));
  const servedPaths = servedOperationalPaths(repoRoot);
  for (const path of PROBED_PATHS) {
    if (!servedPaths.has(path)) {
      report.add(join(repoRoot, 'packages/service-kit/src'), {
        message: `no longer serves GET ${path}, which the probes use`,
      });
    }
  }
  // Web apps (the dashboard) have no readiness route; the probes and the image's HEALTHCHECK ask liveness.
  const webApps = webAppNames(repoRoot);
  for (const app of webApps) {
    const config = await appConfig(repoRoot, app);
    if (typeof config === 'string') report.add(join(repoRoot, 'apps', app), { message: config });
    else if (!config.servedPaths.has(LIVENESS_PATH)) {
      report.add(join(repoRoot, 'apps', app, 'src/server'), {
        message: `no longer serves GET ${LIVENESS_PATH}, which the probes use`,
      });
    }
  }
  const queues = await checkDefinitions(join(infraDir, 'rabbitmq/definitions.json'), repoRoot, report);
  const webImages = await webImageLayouts(repoRoot, webApps, report);
  const expectations = { repoRoot, servedPaths, queues, webImages };
  await checkKubernetes(join(infraDir, 'k8s'), expectations, report);
  await checkCompose(join(infraDir, 'docker-compose.yml'), expectations, report);
  checkDockerfile(join(infraDir, 'docker/Dockerfile'), expectations, report);
  // Every app the Dockerfile can build (its entry point: src/main.ts) must run on production dependencies.
  const apps = readdirSync(join(repoRoot, 'apps')).filter((app) =>
    existsSync(join(repoRoot, 'apps', app, 'src/main.ts')),
  );
  checkRuntimeDependencies(repoRoot, apps, report);
  return report;
}
