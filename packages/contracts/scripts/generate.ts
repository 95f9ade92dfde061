/**
 * Writes generated/json-schema/<type>.v<version>.json and generated/asyncapi.json from the catalog,
 * removes generated schemas of versions no longer in the catalog, and freezes newly added event
 * versions under released/ (never overwriting a released schema).
 * Run with `npm run generate` (Node 24 strips the TypeScript types).
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { generatedFiles, releasedSchemaFiles } from '../src/generate/artifacts.ts';

const packageRoot = resolve(import.meta.dirname, '..');

function write(path: string, content: string): void {
  const target = join(packageRoot, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, content);
}

const files = generatedFiles();
const schemaDir = join(packageRoot, 'generated/json-schema');
if (existsSync(schemaDir)) {
  const expected = new Set(files.map((file) => file.path));
  for (const name of readdirSync(schemaDir)) {
    if (!expected.has(`generated/json-schema/${name}`)) rmSync(join(schemaDir, name));
  }
}
for (const file of files) write(file.path, file.content);
console.log(`generated ${files.length} files`);

let frozen = 0;
for (const file of releasedSchemaFiles()) {
  if (existsSync(join(packageRoot, file.path))) continue;
  write(file.path, file.content);
  frozen += 1;
  console.log(`released ${file.path}`);
}
if (frozen === 0) console.log('released/ unchanged');
