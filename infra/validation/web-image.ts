import { existsSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { errorText, type Report } from './report.ts';
import { type AppConfig, builtLayout, compiledPath } from './services.ts';

/**
 * Where the image has a web app (the dashboard). Its build is a service's (`tsc -p tsconfig.build.json`:
 * `src/main.ts` to `dist/main.js`, which the Dockerfile's CMD runs, and `src/server` to `dist/server`;
 * services.ts `builtLayout`) plus the page, bundled by Vite into the `build.outDir` of its vite.config.ts
 * (`dist/web`). The image copies dist/ alone, so the page must be under it, apart from the compiled
 * server, and the server's `*_STATIC_DIR`, set or defaulted, must be where the image has the page.
 */

/** The image's folder of apps: `WORKDIR /app/apps/${APP}` (checkDockerfile requires it). */
export const IMAGE_APPS_ROOT = '/app/apps';

export interface WebImageLayout {
  app: string;
  /** Where the build compiles the server (`src/server`), relative to the app folder: `dist/server`. */
  serverDir: string;
  /** Where Vite puts the page, relative to the app folder: `dist/web`. */
  pageDir: string;
}

/** `a` is `b` or holds it, or the other way round. */
function overlaps(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
}

/** Vite's output folder of the page, relative to the app folder, from its vite.config.ts. */
async function pageDirOf(
  repoRoot: string,
  app: string,
  serverDir: string | undefined,
  report: Report,
): Promise<string | undefined> {
  const appFolder = join(repoRoot, 'apps', app);
  const file = join(appFolder, 'vite.config.ts');
  if (!existsSync(file)) {
    report.add(appFolder, { message: 'has src/server but no vite.config.ts building its page' });
    return undefined;
  }
  let outDir: unknown;
  try {
    const config = ((await import(pathToFileURL(file).href)) as { default?: unknown }).default;
    outDir = (config as { build?: { outDir?: unknown } } | undefined)?.build?.outDir;
  } catch (error) {
    report.add(file, { message: `could not be loaded: ${errorText(error)}` });
    return undefined;
  }
  const wrong = (message: string) => report.add(file, { field: 'build.outDir', message });
  if (typeof outDir !== 'string') {
    wrong('must be set (where the page is built)');
    return undefined;
  }
  const pageDir = relative(appFolder, resolve(appFolder, outDir)).split('\\').join('/');
  if (!pageDir.startsWith('dist/')) {
    wrong(`${pageDir} is not a folder inside dist/, which the image copies (dist/web)`);
    return undefined;
  }
  if (serverDir !== undefined && overlaps(pageDir, serverDir)) {
    wrong(
      `${pageDir} overlaps ${serverDir}, where tsconfig.build.json compiles the server: the builds would overwrite each other, and the page would serve the server's code`,
    );
    return undefined;
  }
  return pageDir;
}

/**
 * The layout of every web app's image; problems of its vite.config.ts reported (those of its
 * tsconfig.build.json are reported with the Dockerfile's CMD, as for every app).
 */
export async function webImageLayouts(
  repoRoot: string,
  apps: readonly string[],
  report: Report,
): Promise<Map<string, WebImageLayout>> {
  const layouts = new Map<string, WebImageLayout>();
  for (const app of apps) {
    const built = builtLayout(repoRoot, app);
    const serverDir = typeof built === 'string' ? undefined : compiledPath(built, 'src/server');
    const pageDir = await pageDirOf(repoRoot, app, serverDir, report);
    if (serverDir !== undefined && pageDir !== undefined) layouts.set(app, { app, serverDir, pageDir });
  }
  return layouts;
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
