import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventCatalog, eventJsonSchema, findBreakingChanges } from '../src/index.ts';

const releasedDir = resolve(import.meta.dirname, '../released');

describe('released event versions', () => {
  it.each(eventCatalog.map((entry) => [entry.routingKey, entry] as const))(
    '%s still reads and writes what its released schema promised',
    (routingKey, entry) => {
      const path = resolve(releasedDir, `${routingKey}.json`);
      expect(existsSync(path), `${routingKey} has no released schema: run npm run generate`).toBe(true);
      const released = JSON.parse(readFileSync(path, 'utf8'));
      const changes = findBreakingChanges(released, eventJsonSchema(entry));
      const report = changes.map((change) => `${change.path}: ${change.kind} (${change.detail})`);
      expect(
        report,
        `breaking changes to released ${routingKey}: add a v${entry.version + 1} entry instead`,
      ).toEqual([]);
    },
  );

  it('keeps every released version in the catalog', () => {
    const inCatalog = new Set(eventCatalog.map((entry) => `${entry.routingKey}.json`));
    const removed = readdirSync(releasedDir).filter((name) => !inCatalog.has(name));
    expect(removed, 'released event versions cannot be removed while consumers may read them').toEqual([]);
  });
});
