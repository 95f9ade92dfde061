import { existsSync, readFileSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { errorText, type Report } from './report.ts';
import type { AppConfig } from './services.ts';

/**
 * Where the image puts a web app (the dashboard), from infra/docker/Dockerfile and
 * infra/docker/tsconfig.server.json: the app's build bundles the page with Vite (`build.outDir` of its
 * vite.config.ts, e.g. dist/web), the Dockerfile compiles `src/server` with tsconfig.server.json (to
 * dist/server) and writes the entry point every image runs, dist/main.js, which imports the server.
 * The image copies dist/ alone, so both must be under it.
 */

/** The image's folder of apps: `WORKDIR /app/apps/${APP}` (checkDockerfile requires it). */
export const IMAGE_APPS_ROOT = '/app/apps';
export const SERVER_TSCONFIG = 'docker/tsconfig.server.json';

export interface WebImageLayout {
  app: string;
  /** Where tsconfig.server.json puts the compiled server, relative to the app folder: `dist/server`. */
  serverDir: string;
  /** Where Vite puts the page, relative to the app folder: `dist/web`. */
  pageDir: string;
}

/** The server's compile settings (tsconfig.server.json, copied into the app folder by the Dockerfile). */
function serverDirOf(infraDir: string, report: Report): string | undefined {
  const file = join(infraDir, SERVER_TSCONFIG);
  report.files += 1;
  if (!existsSync(file)) {
    report.add(file, { message: 'does not exist (the Dockerfile compiles web apps’ servers with it)' });
    return undefined;
  }
  let tsconfig: { extends?: unknown; include?: unknown; compilerOptions?: Record<string, unknown> };
  try {
    tsconfig = JSON.parse(readFileSync(file, 'utf8')) as typeof tsconfig;
  } catch (error) {
    report.add(file, { message: `JSON: ${errorText(error)}` });
    return undefined;
  }
  const options = tsconfig.compilerOptions ?? {};
  const wrong = (field: string, message: string) => report.add(file, { field, message });
  if (tsconfig.extends !== './tsconfig.json')
    wrong('extends', 'must be ./tsconfig.json (the app’s own compiler options)');
  if (JSON.stringify(tsconfig.include) !== '["src/server"]')
    wrong('include', 'must be ["src/server"]: the server alone (the page is Vite’s)');
  if (options.noEmit !== false)
    wrong('compilerOptions.noEmit', 'must be false (the app’s tsconfig has true)');
  if (options.rootDir !== 'src/server') wrong('compilerOptions.rootDir', 'must be src/server');
  const outDir = typeof options.outDir === 'string' ? posix.normalize(options.outDir) : undefined;
  if (!outDir?.startsWith('dist/')) {
    wrong('compilerOptions.outDir', 'must be a folder of dist/, which the image copies (dist/server)');
    return undefined;
  }
  return outDir;
}

/** Vite's output folder of the page, relative to the app folder, from its vite.config.ts. */
async function pageDirOf(repoRoot: string, app: string, report: Report): Promise<string | undefined> {
  const appFolder = join(repoRoot, 'apps', app);
  const file = join(appFolder, 'vite.config.ts');
  if (!existsSync(file)) {
    report.add(appFolder, { message: 'has src/server but no vite.config.ts building its page' });
    return undefined;
  }
  try {
    const config = ((await import(pathToFileURL(file).href)) as { default?: unknown }).default;
    const outDir = (config as { build?: { outDir?: unknown } } | undefined)?.build?.outDir;
    if (typeof outDir !== 'string') {
      report.add(file, { field: 'build.outDir', message: 'must be set (where the page is built)' });
      return undefined;
    }
    const pageDir = relative(appFolder, resolve(appFolder, outDir)).split('\\').join('/');
    if (!pageDir.startsWith('dist/')) {
      report.add(file, {
        field: 'build.outDir',
        message: `${pageDir} is not under dist/, which the image copies`,
      });
      return undefined;
    }
    return pageDir;
  } catch (error) {
    report.add(file, { message: `could not be loaded: ${errorText(error)}` });
    return undefined;
  }
}

/** The layout of every web app's image; problems of tsconfig.server.json and vite.config.ts reported. */
export async function webImageLayouts(
  infraDir: string,
  repoRoot: string,
  apps: readonly string[],
  report: Report,
): Promise<Map<string, WebImageLayout>> {
  const layouts = new Map<string, WebImageLayout>();
  if (apps.length === 0) return layouts;
  const serverDir = serverDirOf(infraDir, report);
  for (const app of apps) {
    const pageDir = await pageDirOf(repoRoot, app, report);
    if (serverDir && pageDir) layouts.set(app, { app, serverDir, pageDir });
  }
  return layouts;
}

/**
 * The Dockerfile's step for web apps: when `apps/${APP}/src/server/main.ts` exists, compile the server
 * with tsconfig.server.json and write an entry point that imports it. Returns that entry point (relative
 * to the app folder, `dist/main.js`) when the step is there and imports the compiled server.
 */
export function webEntryPoint(
  dockerfile: string,
  layout: WebImageLayout,
  problem: (message: string) => void,
): string | undefined {
  const step = /^RUN if \[ -f "apps\/\$\{APP\}\/src\/server\/main\.ts" \]; then[\s\S]*?^\s*fi\s*$/m.exec(
    dockerfile,
  )?.[0];
  if (!step) {
    problem(
      `no step builds ${layout.app} (RUN if [ -f "apps/\${APP}/src/server/main.ts" ]; then ... fi): it has no src/main.ts`,
    );
    return undefined;
  }
  if (!/tsc -p "apps\/\$\{APP\}\/[^"]+"/.test(step) || !dockerfile.includes('tsconfig.server.json')) {
    problem(`the step for ${layout.app} must compile its server with tsc -p and tsconfig.server.json`);
  }
  const entry = /> "apps\/\$\{APP\}\/([^"]+)"/.exec(step)?.[1];
  const imported = /import '(\.[^']+)'/.exec(step)?.[1];
  if (!entry || !imported) {
    problem(
      `the step for ${layout.app} must write an entry point (> "apps/\${APP}/dist/main.js") importing the server`,
    );
    return undefined;
  }
  const target = posix.join(posix.dirname(entry), imported);
  const server = posix.join(layout.serverDir, 'main.js');
  if (target !== server) {
    problem(
      `${entry} imports ${imported} (${target}), but tsconfig.server.json compiles the server of ${layout.app} to ${server}`,
    );
    return undefined;
  }
  return entry;
}

/**
 * The page directory the server of a web app serves in the image: `*_STATIC_DIR` set to the image's
 * page, or unset with a default (`resolve(import.meta.dirname, '../../dist/web')` in src/server) that,
 * from the compiled server's folder, is the page too. @fastify/static wants an absolute path.
 */
export function checkStaticDir(
  repoRoot: string,
  config: AppConfig,
  layout: WebImageLayout,
  env: Record<string, string>,
  settings: Record<string, unknown>,
  problem: (variable: string, message: string) => void,
): void {
  const variable = [...config.variables].find((name) => name.endsWith('_STATIC_DIR'));
  if (!variable) return;
  const page = posix.join(IMAGE_APPS_ROOT, config.app, layout.pageDir);
  const set = env[variable];
  if (set !== undefined && set !== '') {
    if (posix.normalize(set).replace(/\/$/, '') !== page) {
      problem(variable, `must be ${page}, where the image has the built page (or unset: its default)`);
    }
    return;
  }
  const fallback = settings[variable];
  if (typeof fallback !== 'string') return;
  const fromSource = relative(join(repoRoot, 'apps', config.app, 'src/server'), fallback)
    .split('\\')
    .join('/');
  const inImage = posix.join(IMAGE_APPS_ROOT, config.app, layout.serverDir, fromSource);
  if (inImage !== page) {
    problem(
      variable,
      `is unset, and its default is ${inImage} in the image (from ${layout.serverDir}), not the built page ${page}: set it`,
    );
  }
}
