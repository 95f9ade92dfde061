// Used by infra/docker/Dockerfile on the output of `turbo prune <app> --docker`.
//
// turbo prune keeps every workspace the app reaches, devDependencies included (testkit, mongo-standin),
// and `npm ci --omit=dev` still installs the production dependencies of every workspace in the tree
// (testcontainers, dockerode, ssh2, ...) because a workspace is never a dev dependency of the root.
// So the runtime tree is cut down to the workspaces the app reaches through `dependencies` alone.
//
//   node runtime-workspaces.mjs list <dir> <package name>
//       prints the folders of those workspaces, one a line (the app first)
//   node runtime-workspaces.mjs prune-manifests <dir> <package name>
//       rewrites the pruned package.json files and package-lock.json in <dir> to those workspaces,
//       without devDependencies, so that `npm ci --omit=dev` installs what runs and nothing else
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [command, dir, app] = process.argv.slice(2);
if (!['list', 'prune-manifests'].includes(command ?? '') || !dir || !app) {
  console.error('usage: node runtime-workspaces.mjs list|prune-manifests <dir> <package name>');
  process.exit(2);
}

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const writeJson = (path, value) => writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);

const root = readJson(join(dir, 'package.json'));
/** Workspace package name -> its folder, for the workspaces of the pruned tree. */
const folders = new Map(
  root.workspaces.map((folder) => [readJson(join(dir, folder, 'package.json')).name, folder]),
);
if (!folders.has(app)) {
  console.error(`${app} is not a workspace of ${dir} (have: ${[...folders.keys()].join(', ')})`);
  process.exit(1);
}

/** The workspaces reached from the app through `dependencies` (not devDependencies). */
const runtime = [];
const visit = (name) => {
  if (runtime.includes(name)) return;
  runtime.push(name);
  const manifest = readJson(join(dir, folders.get(name), 'package.json'));
  for (const dependency of Object.keys(manifest.dependencies ?? {})) {
    if (folders.has(dependency)) visit(dependency);
  }
};
visit(app);

if (command === 'list') {
  process.stdout.write(runtime.map((name) => `${folders.get(name)}\n`).join(''));
  process.exit(0);
}

const lockPath = join(dir, 'package-lock.json');
const lock = readJson(lockPath);
for (const [name, folder] of folders) {
  if (runtime.includes(name)) {
    const manifestPath = join(dir, folder, 'package.json');
    const manifest = readJson(manifestPath);
    delete manifest.devDependencies;
    writeJson(manifestPath, manifest);
    if (lock.packages[folder]) delete lock.packages[folder].devDependencies;
  } else {
    if (existsSync(join(dir, folder))) rmSync(join(dir, folder), { recursive: true });
    delete lock.packages[folder];
    delete lock.packages[`node_modules/${name}`];
  }
}
root.workspaces = runtime.map((name) => folders.get(name));
writeJson(join(dir, 'package.json'), root);
if (lock.packages['']) lock.packages[''].workspaces = root.workspaces;
writeJson(lockPath, lock);
process.stdout.write(`runtime workspaces: ${root.workspaces.join(' ')}\n`);
