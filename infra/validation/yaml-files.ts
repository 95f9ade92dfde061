import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type Document, isNode, LineCounter, parseAllDocuments } from 'yaml';
import { fieldPath, type Report } from './report.ts';

export type Path = readonly (string | number)[];

/** One YAML document of a file, as plain data, with the line of any field. */
export interface YamlDocument {
  file: string;
  /** Index of the document in its file (files may hold several, separated by `---`). */
  index: number;
  value: unknown;
  lineOf(path: Path): number | undefined;
}

/** Every .yaml/.yml file under a folder, sorted. */
export function yamlFilesUnder(folder: string): string[] {
  const found: string[] = [];
  const walk = (current: string): void => {
    for (const entry of readdirSync(current).sort()) {
      const path = join(current, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(entry)) found.push(path);
    }
  };
  walk(folder);
  return found;
}

/** Parses every document of a file; syntax errors become problems (and no documents). */
export function readYaml(file: string, report: Report, options: { merge?: boolean } = {}): YamlDocument[] {
  report.files += 1;
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(readFileSync(file, 'utf8'), {
    lineCounter,
    merge: options.merge ?? false,
    prettyErrors: false,
  });
  if (!Array.isArray(documents)) return [];
  const parsed: YamlDocument[] = [];
  documents.forEach((document: Document.Parsed, index) => {
    if (document.errors.length > 0) {
      for (const error of document.errors) {
        const offset = error.pos[0];
        report.add(file, { line: lineCounter.linePos(offset).line, message: `YAML: ${error.message}` });
      }
      return;
    }
    const value: unknown = document.toJS({ maxAliasCount: 100 });
    if (value === null || value === undefined) return;
    parsed.push({
      file,
      index,
      value,
      lineOf: (path) => {
        // The field itself, or the closest parent that exists (for a missing required field).
        for (let length = path.length; length >= 0; length -= 1) {
          const node = length === 0 ? document.contents : document.getIn(path.slice(0, length), true);
          if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
        }
        return undefined;
      },
    });
  });
  return parsed;
}

/** A record, or undefined for anything else (lists, scalars, null). */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The value at a path of plain data. */
export function at(value: unknown, path: Path): unknown {
  let current = value;
  for (const part of path) {
    if (typeof part === 'number') current = Array.isArray(current) ? current[part] : undefined;
    else current = asRecord(current)?.[part];
  }
  return current;
}

/** Reports a problem on a field of a document, with its line. */
export function problemAt(
  report: Report,
  document: YamlDocument,
  object: string | undefined,
  path: Path,
  message: string,
): void {
  report.add(document.file, {
    line: document.lineOf(path),
    ...(object === undefined ? {} : { object }),
    ...(path.length === 0 ? {} : { field: fieldPath(path) }),
    message,
  });
}
