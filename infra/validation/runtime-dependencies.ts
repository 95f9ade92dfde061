import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, sep } from 'node:path';
import type { Report } from './report.ts';
import { isWebApp } from './services.ts';

/**
 * The production image installs `dependencies` only (`npm ci --omit=dev`), of the workspaces an app
 * reaches through `dependencies`. A module its compiled code loads that is declared nowhere there (a
 * devDependency, or a package that only happens to be hoisted from another workspace) may be missing
 * at run time. This reads the non-test sources of those workspaces for what they load at run time:
 * value imports and re-exports (not `import type`), dynamic imports, and pino transport targets. Of a
 * web app (the dashboard) the page (`src/web`) does not run: Vite bundles it at build time,
 * devDependencies included.
 */

interface Workspace {
  name: string;
  folder: string;
  dependencies: Record<string, string>;
}

function workspaces(repoRoot: string): Map<string, Workspace> {
  const found = new Map<string, Workspace>();
  for (const parent of ['apps', 'packages']) {
    const parentFolder = join(repoRoot, parent);
    if (!existsSync(parentFolder)) continue;
    for (const entry of readdirSync(parentFolder)) {
      const manifest = join(parentFolder, entry, 'package.json');
      if (!existsSync(manifest)) continue;
      const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as {
        name: string;
        dependencies?: Record<string, string>;
      };
      found.set(pkg.name, {
        name: pkg.name,
        folder: join(parentFolder, entry),
        dependencies: pkg.dependencies ?? {},
      });
    }
  }
  return found;
}

/** The app's workspace and those it reaches through `dependencies`, as the image's runtime tree has. */
export function runtimeWorkspaces(repoRoot: string, app: string): Workspace[] {
  const all = workspaces(repoRoot);
  const reached: Workspace[] = [];
  const visit = (name: string): void => {
    const workspace = all.get(name);
    if (!workspace || reached.includes(workspace)) return;
    reached.push(workspace);
    for (const dependency of Object.keys(workspace.dependencies)) visit(dependency);
  };
  visit(`@enforcement/${app}`);
  return reached;
}

function sourceFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  const files: string[] = [];
  for (const entry of readdirSync(folder).sort()) {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) files.push(...sourceFiles(path));
    else if (
      /\.(ts|mts|js|mjs)$/.test(entry) &&
      !/\.(test|spec)\.[mc]?[jt]s$/.test(entry) &&
      !entry.endsWith('.d.ts')
    ) {
      files.push(path);
    }
  }
  return files;
}

const STATIC = /^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
/** pino loads a transport's `target` package by name, in a worker thread. */
const TRANSPORT = /\btransport:\s*\{[^}]*?\btarget:\s*['"]([^'"./][^'"]*)['"]/g;

function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:'))
    return undefined;
  if (builtinModules.includes(specifier)) return undefined;
  return specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
}

function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/** The sources of a workspace that run: `src`, except a web app's page (`src/web`). */
function runtimeSources(folder: string): string[] {
  const files = sourceFiles(join(folder, 'src'));
  if (!isWebApp(folder)) return files;
  const page = join(folder, 'src', 'web') + sep;
  return files.filter((file) => !file.startsWith(page));
}

/** Every module the apps' runtime code loads must be a `dependency` of the workspace loading it. */
export function checkRuntimeDependencies(repoRoot: string, apps: readonly string[], report: Report): void {
  const checked = new Set<string>();
  for (const app of apps) {
    for (const workspace of runtimeWorkspaces(repoRoot, app)) {
      if (checked.has(workspace.name)) continue;
      checked.add(workspace.name);
      for (const file of runtimeSources(workspace.folder)) {
        const text = readFileSync(file, 'utf8');
        const loads: { specifier: string; index: number }[] = [];
        for (const match of text.matchAll(STATIC)) {
          if (!match[1] && match[2]) loads.push({ specifier: match[2], index: match.index });
        }
        for (const pattern of [DYNAMIC, TRANSPORT]) {
          for (const match of text.matchAll(pattern))
            if (match[1]) loads.push({ specifier: match[1], index: match.index });
        }
        for (const { specifier, index } of loads) {
          const name = packageOf(specifier);
          if (name === undefined || name === workspace.name || name in workspace.dependencies) continue;
          report.add(file, {
            line: lineAt(text, index),
            message: `loads ${specifier} at run time, but ${name} is not in the dependencies of ${workspace.name}: the production image (npm ci --omit=dev) may not have it`,
          });
        }
      }
    }
  }
}
