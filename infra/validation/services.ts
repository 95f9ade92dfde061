import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import { errorText } from './report.ts';

/**
 * What the apps themselves say, read from their code: the variables of each app's config schema (and
 * whether a given environment satisfies it), and the routes it serves that probes may ask.
 *
 * Two kinds of app:
 * - a **service**: `apps/<app>/src/config.ts` exports `configSchema` (service-kit's), read with
 *   service-kit's `loadConfig`; it serves service-kit's operational routes (`/health/live`,
 *   `/health/ready`, `/metrics`);
 * - a **web app** (the dashboard): a page in `src/web` and its server in `src/server`, whose
 *   `config.ts` exports `configSchema` (a plain zod object) and `loadConfig`, read with that; it serves the
 *   GET routes of its own `src/server` (no readiness route: readiness probes ask the liveness route).
 *
 * Both build alike: `tsc -p tsconfig.build.json` compiles `src/` to `dist/`, the entry point `src/main.ts`
 * to `dist/main.js` (a web app's build also bundles its page with Vite: web-image.ts).
 */

export type AppKind = 'service' | 'web';

export const LIVENESS_PATH = '/health/live';
export const READINESS_PATH = '/health/ready';

interface ConfigSchema {
  shape: Record<string, unknown>;
}

export interface AppConfig {
  app: string;
  kind: AppKind;
  /** The config source, relative to the repository (for messages). */
  source: string;
  /** Every variable name the app's schema knows. */
  variables: ReadonlySet<string>;
  /** Parses an environment as the app does at start: the typed config, or the one-line error. */
  load(env: Record<string, string>): { config: Record<string, unknown> } | { error: string };
  /** GET routes the app serves. */
  servedPaths: ReadonlySet<string>;
  /** What liveness and startup probes ask. */
  livenessPath: string;
  /** What readiness probes and compose health checks ask: /health/ready when served, else liveness. */
  readinessPath: string;
}

const configs = new Map<string, Promise<AppConfig | string>>();

/** The config of apps/<app>, or why it could not be read. */
export function appConfig(repoRoot: string, app: string): Promise<AppConfig | string> {
  let loaded = configs.get(app);
  if (!loaded) {
    loaded = readAppConfig(repoRoot, app);
    configs.set(app, loaded);
  }
  return loaded;
}

/** Folders of apps/ that are a service or a web app (have a config the validator can read). */
export function appNames(repoRoot: string): string[] {
  const folder = join(repoRoot, 'apps');
  return readdirSync(folder)
    .filter(
      (app) =>
        existsSync(join(folder, app, 'src/config.ts')) ||
        existsSync(join(folder, app, 'src/server/config.ts')),
    )
    .sort();
}

/**
 * Whether a workspace folder is a web app: a page (`src/web`) and a server, configured by
 * `src/server/config.ts`.
 */
export function isWebApp(folder: string): boolean {
  return existsSync(join(folder, 'src/server/config.ts')) && !existsSync(join(folder, 'src/config.ts'));
}

/** Apps with a page and a server (the dashboard). */
export function webAppNames(repoRoot: string): string[] {
  const folder = join(repoRoot, 'apps');
  return readdirSync(folder)
    .filter((app) => isWebApp(join(folder, app)))
    .sort();
}

async function readAppConfig(repoRoot: string, app: string): Promise<AppConfig | string> {
  const serviceFile = join(repoRoot, 'apps', app, 'src/config.ts');
  const webFile = join(repoRoot, 'apps', app, 'src/server/config.ts');
  if (existsSync(serviceFile)) return readServiceConfig(repoRoot, app, serviceFile);
  if (existsSync(webFile)) return readWebConfig(repoRoot, app, webFile);
  return `apps/${app} has neither src/config.ts (a service) nor src/server/config.ts (a page and its server)`;
}

async function readServiceConfig(repoRoot: string, app: string, file: string): Promise<AppConfig | string> {
  const source = `apps/${app}/src/config.ts`;
  try {
    const { loadConfig } = (await import('@enforcement/service-kit')) as {
      loadConfig: (schema: ConfigSchema, env: Record<string, string>) => Record<string, unknown>;
    };
    const { configSchema } = (await import(pathToFileURL(file).href)) as { configSchema?: ConfigSchema };
    if (!configSchema?.shape) return `${source} does not export configSchema`;
    return {
      app,
      kind: 'service',
      source,
      variables: new Set(Object.keys(configSchema.shape)),
      load: (env) => {
        try {
          return { config: loadConfig(configSchema, env) };
        } catch (error) {
          return { error: errorText(error) };
        }
      },
      servedPaths: servedOperationalPaths(repoRoot),
      livenessPath: LIVENESS_PATH,
      readinessPath: READINESS_PATH,
    };
  } catch (error) {
    return `${source} could not be loaded: ${errorText(error)}`;
  }
}

async function readWebConfig(repoRoot: string, app: string, file: string): Promise<AppConfig | string> {
  const source = `apps/${app}/src/server/config.ts`;
  try {
    const { configSchema, loadConfig } = (await import(pathToFileURL(file).href)) as {
      configSchema?: ConfigSchema;
      loadConfig?: (env: Record<string, string>) => Record<string, unknown>;
    };
    if (!configSchema?.shape || loadConfig === undefined) {
      return `${source} must export configSchema and loadConfig`;
    }
    const servedPaths = servedRoutes(join(repoRoot, 'apps', app, 'src/server'));
    return {
      app,
      kind: 'web',
      source,
      variables: new Set(Object.keys(configSchema.shape)),
      // The server's own reading: one message naming every bad variable, never a value.
      load: (env) => {
        try {
          return { config: loadConfig(env) };
        } catch (error) {
          return { error: errorText(error) };
        }
      },
      servedPaths,
      livenessPath: LIVENESS_PATH,
      readinessPath: servedPaths.has(READINESS_PATH) ? READINESS_PATH : LIVENESS_PATH,
    };
  } catch (error) {
    return `${source} could not be loaded: ${errorText(error)}`;
  }
}

/** Paths of the literal GET routes registered in a folder's sources (`app.get('/health/live', ...)`). */
function servedRoutes(folder: string): Set<string> {
  const paths = new Set<string>();
  if (!existsSync(folder)) return paths;
  for (const entry of readdirSync(folder)) {
    if (!entry.endsWith('.ts') || entry.endsWith('.test.ts')) continue;
    const text = readFileSync(join(folder, entry), 'utf8');
    for (const match of text.matchAll(/\.get\(\s*['"`](\/[^'"`$]*)['"`]/g)) {
      if (match[1]) paths.add(match[1]);
    }
  }
  return paths;
}

/** Paths of the GET routes service-kit registers for every service (`/health/live`, `/metrics`, ...). */
export function servedOperationalPaths(repoRoot: string): Set<string> {
  return servedRoutes(join(repoRoot, 'packages/service-kit/src'));
}

/** How an app's build compiles it (`tsc -p tsconfig.build.json`); paths relative to the app folder. */
export interface BuiltLayout {
  /** `compilerOptions.rootDir`: `src`. */
  rootDir: string;
  /** `compilerOptions.outDir`: `dist`. */
  outDir: string;
  /** Where `src/main.ts` is emitted: `dist/main.js`, what the image runs. */
  entry: string;
}

/** Where the build puts a source file or folder of the app: `src/server` -> `dist/server`. */
export function compiledPath(layout: Pick<BuiltLayout, 'rootDir' | 'outDir'>, source: string): string {
  return posix.join(layout.outDir, posix.relative(layout.rootDir, source)).replace(/\.ts$/, '.js');
}

const layouts = new Map<string, BuiltLayout | string>();

/**
 * How `npm run build` compiles an app, from `tsc --showConfig -p tsconfig.build.json` (its `extends`,
 * `include` and `exclude` resolved as tsc resolves them): where `src/main.ts` is emitted, or why it is not.
 */
export function builtLayout(repoRoot: string, app: string): BuiltLayout | string {
  const folder = join(repoRoot, 'apps', app);
  let layout = layouts.get(folder);
  if (layout === undefined) {
    layout = readBuiltLayout(folder);
    layouts.set(folder, layout);
  }
  return layout;
}

function readBuiltLayout(folder: string): BuiltLayout | string {
  if (!existsSync(join(folder, 'src/main.ts'))) return 'has no src/main.ts, the entry point';
  if (!existsSync(join(folder, 'tsconfig.build.json'))) {
    return 'has no tsconfig.build.json: its build does not compile src/main.ts to dist/main.js';
  }
  const require = createRequire(import.meta.url);
  const tsc = join(dirname(require.resolve('typescript/package.json')), 'bin', 'tsc');
  let shown: { compilerOptions?: Record<string, unknown>; files?: unknown[] };
  try {
    const text = execFileSync(process.execPath, [tsc, '--showConfig', '-p', 'tsconfig.build.json'], {
      cwd: folder,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    shown = JSON.parse(text) as typeof shown;
  } catch (error) {
    const output = error as { stdout?: string; stderr?: string };
    const first = `${output.stdout ?? ''}${output.stderr ?? ''}`.trim().split('\n')[0];
    return `tsconfig.build.json: tsc --showConfig fails: ${first || errorText(error)}`;
  }
  const options = shown.compilerOptions ?? {};
  const path = (value: unknown) =>
    typeof value === 'string' ? posix.normalize(value).replace(/\/$/, '') : undefined;
  if (options.noEmit === true) return 'tsconfig.build.json sets noEmit: its build emits nothing';
  if (!(shown.files ?? []).map(path).includes('src/main.ts'))
    return 'tsconfig.build.json does not compile src/main.ts, the entry point';
  const rootDir = path(options.rootDir);
  const outDir = path(options.outDir);
  if (rootDir === undefined || outDir === undefined)
    return 'tsconfig.build.json must set rootDir and outDir (src and dist: src/main.ts to dist/main.js)';
  return { rootDir, outDir, entry: compiledPath({ rootDir, outDir }, 'src/main.ts') };
}

/**
 * Variables holding credentials, which belong in a Secret: API keys (raw, or API_KEYS' records), secrets,
 * tokens, passwords. A path to a file holding them (`API_KEYS_FILE`) is not one.
 */
export function isSecretVariable(name: string): boolean {
  return /(^|_)(KEYS?|SECRET|TOKEN|PASSWORD|CREDENTIALS?)$/.test(name);
}

/** An address a container's port cannot be reached on from outside it (the dashboard's default HOST). */
export function isLoopbackHost(host: unknown): boolean {
  return typeof host === 'string' && /^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/i.test(host);
}

/** `scheme://user:password@host`: a URL carrying a password. */
export function hasCredentials(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\/[^/@\s:]*:[^@\s]+@/i.test(value);
}

/**
 * The app another app's variable points at: `OVERSIGHT_URL` -> oversight-notifications,
 * `CASE_INTAKE_URL` -> case-intake (the name without `_URL`, in kebab case, is the app or the start of
 * exactly one app's name). Undefined for other variables (`MONGO_URL`, `AMQP_URL`).
 */
export function upstreamApp(variable: string, self: string, apps: readonly string[]): string | undefined {
  if (!variable.endsWith('_URL')) return undefined;
  const base = variable.slice(0, -'_URL'.length).toLowerCase().replaceAll('_', '-');
  const found = apps.filter((app) => app !== self && (app === base || app.startsWith(`${base}-`)));
  return found.length === 1 ? found[0] : undefined;
}

/** One `<APP>_URL` setting of an app that calls others, read as a URL with its port made explicit. */
export interface UpstreamUrl {
  variable: string;
  /** The app the variable names. */
  app: string;
  url: URL;
  port: number;
}

/**
 * The `<APP>_URL` settings of `self` that name another app and hold a URL, in variable order; a value
 * that is not a URL is left to the config schema's check.
 */
export function upstreamUrls(
  variables: Iterable<string>,
  settings: Record<string, unknown>,
  self: string,
  apps: readonly string[],
): UpstreamUrl[] {
  const found: UpstreamUrl[] = [];
  for (const variable of [...variables].sort()) {
    const app = upstreamApp(variable, self, apps);
    const value = settings[variable];
    if (app === undefined || typeof value !== 'string' || !URL.canParse(value)) continue;
    const url = new URL(value);
    const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
    found.push({ variable, app, url, port });
  }
  return found;
}

/** Hex SHA-256 of a raw API key, as services store it in API_KEYS. */
export function keyHash(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** An audience (`agency` or `agency:province`) a principal may read, by oversight's rule. */
export function readsAudience(
  principal: { agency?: unknown; province?: unknown },
  audience: string,
): boolean {
  const [agency, province] = audience.split(':');
  if (agency !== principal.agency) return false;
  return province === undefined || principal.province === undefined || principal.province === province;
}
