import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './paths.ts';
import type { RunningService } from './processes.ts';

const dashboardDir = join(repoRoot, 'apps', 'dashboard');

/** The dashboard's server entry; it serves the page `vite build` made and forwards the APIs. */
export const dashboardMain = join(dashboardDir, 'src', 'main.ts');

/** Builds the dashboard's page (a couple of seconds), so a fresh clone serves the current one. */
export function buildDashboard(): void {
  const vite = join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const built = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: dashboardDir,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (built.status !== 0) throw new Error(`building the dashboard failed (vite exited ${built.status})`);
}

/**
 * The dashboard's environment: the services it forwards to and the key it holds server-side (the HQ's
 * national view, whose feed carries fuel cases and the last escalation level).
 */
export function dashboardEnv(
  services: readonly RunningService[],
  port: number,
  key: string,
): Record<string, string> {
  const url = (name: string) => services.find((service) => service.name === name)?.url ?? '';
  return {
    HOST: '127.0.0.1',
    PORT: String(port),
    CASE_INTAKE_URL: url('case-intake'),
    CUSTOMS_GOODS_URL: url('customs-goods'),
    OVERSIGHT_URL: url('oversight-notifications'),
    DASHBOARD_API_KEY: key,
    DASHBOARD_AUDIENCES: 'anti_smuggling_hq',
    LOG_LEVEL: 'info',
  };
}
