import { relative } from 'node:path';

/** One thing wrong with a deployment file: where (file, line, object, field) and what. */
export interface Problem {
  /** Path of the file, relative to the folder checked. */
  file: string;
  line?: number;
  /** `Kind/name` of the Kubernetes object, or `service NAME` in docker-compose.yml. */
  object?: string;
  /** Dotted path of the field, e.g. `spec.template.spec.containers[0].readinessProbe.httpGet.path`. */
  field?: string;
  message: string;
}

export function formatProblem(problem: Problem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const object = problem.object === undefined ? '' : ` ${problem.object}`;
  const field = problem.field === undefined ? '' : ` ${problem.field}:`;
  return `${where}:${object}${field} ${problem.message}`;
}

/** Collects problems, with file paths shown relative to the repository (or the self-test's copy). */
export class Report {
  readonly problems: Problem[] = [];
  readonly #root: string;
  /** Files read and Kubernetes objects validated against their schemas, for the summary. */
  files = 0;
  objects = 0;

  constructor(root: string) {
    this.#root = root;
  }

  /** `path` is absolute; it is shown relative to the root. */
  add(path: string, problem: Omit<Problem, 'file'>): void {
    this.problems.push({ file: relative(this.#root, path), ...problem });
  }
}

/** `a.b[0].c` from `['a', 'b', 0, 'c']`. */
export function fieldPath(path: readonly (string | number)[]): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`))
    .join('');
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
