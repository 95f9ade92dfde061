import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { errorText } from './report.ts';

/**
 * What the services themselves say, read from their code: the variables of each app's config schema
 * (and whether a given environment satisfies it), and the operational routes service-kit serves.
 */

interface ConfigSchema {
  shape: Record<string, unknown>;
}

export interface AppConfig {
  app: string;
  /** Every variable name the app's schema knows. */
  variables: ReadonlySet<string>;
  /** Parses an environment as the service does at start: the typed config, or the one-line error. */
  load(env: Record<string, string>): { config: Record<string, unknown> } | { error: string };
}

const configs = new Map<string, Promise<AppConfig | string>>();

/** The config of apps/<app>/src/config.ts, or why it could not be read. */
export function appConfig(repoRoot: string, app: string): Promise<AppConfig | string> {
  let loaded = configs.get(app);
  if (!loaded) {
    loaded = readAppConfig(repoRoot, app);
    configs.set(app, loaded);
  }
  return loaded;
}

async function readAppConfig(repoRoot: string, app: string): Promise<AppConfig | string> {
  const file = join(repoRoot, 'apps', app, 'src/config.ts');
  if (!existsSync(file)) return `apps/${app}/src/config.ts does not exist`;
  try {
    const { loadConfig } = (await import('@enforcement/service-kit')) as {
      loadConfig: (schema: ConfigSchema, env: Record<string, string>) => Record<string, unknown>;
    };
    const { configSchema } = (await import(pathToFileURL(file).href)) as { configSchema?: ConfigSchema };
    if (!configSchema?.shape) return `apps/${app}/src/config.ts does not export configSchema`;
    return {
      app,
      variables: new Set(Object.keys(configSchema.shape)),
      load: (env) => {
        try {
          return { config: loadConfig(configSchema, env) };
        } catch (error) {
          return { error: errorText(error) };
        }
      },
    };
  } catch (error) {
    return `apps/${app}/src/config.ts could not be loaded: ${errorText(error)}`;
  }
}

/** Paths of the GET routes service-kit registers for every service (`/health/live`, `/metrics`, ...). */
export function servedOperationalPaths(repoRoot: string): Set<string> {
  const folder = join(repoRoot, 'packages/service-kit/src');
  const paths = new Set<string>();
  for (const entry of readdirSync(folder)) {
    if (!entry.endsWith('.ts') || entry.endsWith('.test.ts')) continue;
    const text = readFileSync(join(folder, entry), 'utf8');
    for (const match of text.matchAll(/\.get\(\s*['"`](\/[^'"`]*)['"`]/g)) {
      if (match[1]) paths.add(match[1]);
    }
  }
  return paths;
}

/** Where `npm run build` puts an app's entry point, from its tsconfig.build.json (`dist/main.js`). */
export function builtEntryPoint(repoRoot: string, app: string): string | undefined {
  const file = join(repoRoot, 'apps', app, 'tsconfig.build.json');
  if (!existsSync(file) || !existsSync(join(repoRoot, 'apps', app, 'src/main.ts'))) return undefined;
  const options = (JSON.parse(readFileSync(file, 'utf8')) as { compilerOptions?: Record<string, unknown> })
    .compilerOptions;
  if (options?.rootDir !== 'src' || typeof options.outDir !== 'string') return undefined;
  return `${options.outDir.replace(/^\.\//, '').replace(/\/$/, '')}/main.js`;
}
