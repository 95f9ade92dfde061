import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from '../src/generate/artifacts.ts';
import { eventCatalog } from '../src/index.ts';

const packageRoot = resolve(import.meta.dirname, '..');

describe('generated files', () => {
  const files = generatedFiles();

  it.each(files.map((file) => [file.path, file] as const))('%s matches the code', (path, file) => {
    const onDisk = existsSync(resolve(packageRoot, path))
      ? readFileSync(resolve(packageRoot, path), 'utf8')
      : '';
    expect(onDisk === file.content, `${path} is out of date: run npm run generate`).toBe(true);
  });

  it('has no schema of an event version the catalog no longer has', () => {
    const expected = files
      .map((file) => file.path)
      .filter((path) => path.startsWith('generated/json-schema/'));
    const onDisk = readdirSync(resolve(packageRoot, 'generated/json-schema')).map(
      (name) => `generated/json-schema/${name}`,
    );
    expect(onDisk.sort(), 'stale generated schemas: run npm run generate').toEqual(expected.sort());
  });

  it('writes one JSON Schema per event, marked as generated', () => {
    expect(files).toHaveLength(eventCatalog.length + 1);
    for (const entry of eventCatalog) {
      const file = files.find(
        (candidate) => candidate.path === `generated/json-schema/${entry.routingKey}.json`,
      );
      expect(JSON.parse(file?.content ?? '{}')).toMatchObject({
        $comment: expect.stringContaining('Do not edit'),
        title: entry.routingKey,
        properties: { type: { const: entry.type }, version: { const: entry.version } },
      });
    }
  });
});
