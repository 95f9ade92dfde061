import type { Report } from './report.ts';
import { asRecord, type Path, problemAt, type YamlDocument } from './yaml-files.ts';

/**
 * Validates Kubernetes objects against the OpenAPI schemas of the Kubernetes API, through the model
 * classes of `kubernetes-models` (one per apiVersion and kind; `.validate()` runs an ajv validator
 * compiled from the schema): types, required fields, enums, formats such as quantities.
 *
 * Kubernetes' schemas leave objects open, so a misspelt field name is not an error here (the API server
 * rejects it under kubectl's default strict field validation); the cross-checks require the fields that
 * matter (probes, resources, security context, grace period) by name, which catches those misspellings.
 */

interface ModelClass {
  new (data: unknown): { validate(): void };
}

interface AjvError {
  instancePath: string;
  message?: string;
  keyword: string;
  params?: Record<string, unknown>;
}

const modules = new Map<string, Promise<Record<string, unknown> | undefined>>();

/** `kubernetes-models/<apiVersion>`: `v1`, `apps/v1`, `autoscaling/v2`, `policy/v1`, ... */
function modelsOf(apiVersion: string): Promise<Record<string, unknown> | undefined> {
  let module = modules.get(apiVersion);
  if (!module) {
    module = import(`kubernetes-models/${apiVersion}`).then(
      (loaded: Record<string, unknown>) => loaded,
      () => undefined,
    );
    modules.set(apiVersion, module);
  }
  return module;
}

/** `/spec/template/spec/containers/0/ports/0` as a path (numbers for list indexes). */
function pathOf(instancePath: string): Path {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** One message per field: a quantity failing `oneOf [string, number]` reports three errors otherwise. */
function messagesByField(errors: readonly AjvError[]): Map<string, { path: Path; messages: string[] }> {
  const byField = new Map<string, { path: Path; messages: string[] }>();
  for (const error of errors) {
    if (error.keyword === 'oneOf' || error.keyword === 'anyOf') continue;
    let path = pathOf(error.instancePath);
    let message = error.message ?? error.keyword;
    if (error.keyword === 'required' && typeof error.params?.missingProperty === 'string') {
      path = [...path, error.params.missingProperty];
      message = 'is required';
    }
    const key = JSON.stringify(path);
    const entry = byField.get(key) ?? { path, messages: [] };
    if (!entry.messages.includes(message)) entry.messages.push(message);
    byField.set(key, entry);
  }
  return byField;
}

/** Validates one object; returns false when it is not a Kubernetes object this validator knows. */
export async function validateKubernetesObject(document: YamlDocument, report: Report): Promise<boolean> {
  const object = asRecord(document.value);
  const apiVersion = object?.apiVersion;
  const kind = object?.kind;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
    problemAt(
      report,
      document,
      undefined,
      [],
      'is not a Kubernetes object (apiVersion and kind are required)',
    );
    return false;
  }
  const name = asRecord(object?.metadata)?.name;
  const label = `${kind}/${typeof name === 'string' ? name : '?'}`;
  const models = await modelsOf(apiVersion);
  const model = models?.[kind];
  if (typeof model !== 'function') {
    problemAt(report, document, label, ['kind'], `${apiVersion} ${kind} is not a Kubernetes API kind`);
    return false;
  }
  report.objects += 1;
  try {
    new (model as ModelClass)(object).validate();
  } catch (error) {
    const errors = (error as { errors?: AjvError[] }).errors;
    if (!Array.isArray(errors)) {
      problemAt(report, document, label, [], `schema validation failed: ${String(error)}`);
      return true;
    }
    for (const { path, messages } of messagesByField(errors).values()) {
      problemAt(report, document, label, path, messages.join('; '));
    }
  }
  return true;
}
