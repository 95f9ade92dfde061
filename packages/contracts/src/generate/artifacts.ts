import { buildAsyncApiDocument } from '../asyncapi/build.ts';
import { eventCatalog } from '../events/catalog.ts';
import { eventJsonSchema } from '../events/json-schema.ts';

/** A file the generate script writes, by its path relative to the package root. */
export interface GeneratedFile {
  path: string;
  content: string;
}

function asJsonFile(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Everything under `generated/`, computed in memory so the drift test can compare it with the disk. */
export function generatedFiles(): GeneratedFile[] {
  const schemas = eventCatalog.map((entry) => ({
    path: `generated/json-schema/${entry.routingKey}.json`,
    content: asJsonFile(eventJsonSchema(entry)),
  }));
  return [...schemas, { path: 'generated/asyncapi.json', content: asJsonFile(buildAsyncApiDocument()) }];
}

/**
 * The frozen copy of each event version's schema, under `released/`. The generate script writes one
 * only when it is absent: once a version is released its schema is never overwritten, and the
 * evolution test compares the code against it.
 */
export function releasedSchemaFiles(): GeneratedFile[] {
  return eventCatalog.map((entry) => ({
    path: `released/${entry.routingKey}.json`,
    content: asJsonFile(eventJsonSchema(entry)),
  }));
}
