import type { FastifySchema, FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify';

/**
 * The JSON Schema the admin routes are written in: the few keywords they use, no more. The routes
 * validate with `compileAdminValidator` below instead of the host's validator compiler, so they work
 * the same in a plain Fastify app (Ajv) and in a service-kit app (whose compiler takes Zod schemas only).
 */
export interface AdminSchema {
  type: 'object' | 'array' | 'string' | 'integer';
  description?: string;
  properties?: Readonly<Record<string, AdminSchema>>;
  required?: readonly string[];
  /** Only `false` is supported: an object takes no members besides its `properties`. */
  additionalProperties?: false;
  items?: AdminSchema;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  default?: unknown;
}

/** One failure, shaped like an Ajv error so hosts report it as they report Fastify's validation errors. */
export type AdminSchemaIssue = FastifySchemaValidationError & { message: string };

/** Reported at most: a body of many unknown members gets a bounded answer. */
const MAX_ISSUES = 10;

interface Checked {
  value: unknown;
  issues: AdminSchemaIssue[];
}

function issue(
  path: string,
  keyword: string,
  message: string,
  params: Record<string, unknown> = {},
): AdminSchemaIssue {
  return { instancePath: path, schemaPath: `#${path}/${keyword}`, keyword, message, params };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Query and path values arrive as text: a decimal integer is read as a number, nothing else is. */
function coercedInteger(value: unknown): unknown {
  return typeof value === 'string' && /^-?\d{1,20}$/.test(value) ? Number(value) : value;
}

function checkValue(schema: AdminSchema, input: unknown, path: string, coerce: boolean): Checked {
  switch (schema.type) {
    case 'integer': {
      const value = coerce ? coercedInteger(input) : input;
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        return { value, issues: [issue(path, 'type', 'must be integer', { type: 'integer' })] };
      }
      if (schema.minimum !== undefined && value < schema.minimum) {
        return { value, issues: [issue(path, 'minimum', `must be >= ${schema.minimum}`)] };
      }
      if (schema.maximum !== undefined && value > schema.maximum) {
        return { value, issues: [issue(path, 'maximum', `must be <= ${schema.maximum}`)] };
      }
      return { value, issues: [] };
    }
    case 'string': {
      if (typeof input !== 'string') {
        return { value: input, issues: [issue(path, 'type', 'must be string', { type: 'string' })] };
      }
      if (schema.minLength !== undefined && input.length < schema.minLength) {
        return {
          value: input,
          issues: [issue(path, 'minLength', `must have at least ${schema.minLength} characters`)],
        };
      }
      if (schema.maxLength !== undefined && input.length > schema.maxLength) {
        return {
          value: input,
          issues: [issue(path, 'maxLength', `must have at most ${schema.maxLength} characters`)],
        };
      }
      return { value: input, issues: [] };
    }
    case 'array': {
      if (!Array.isArray(input)) {
        return { value: input, issues: [issue(path, 'type', 'must be array', { type: 'array' })] };
      }
      // The size first, so a huge array is refused without walking it.
      if (schema.maxItems !== undefined && input.length > schema.maxItems) {
        return {
          value: input,
          issues: [issue(path, 'maxItems', `must have at most ${schema.maxItems} items`)],
        };
      }
      const issues: AdminSchemaIssue[] = [];
      const value: unknown[] = [];
      for (const [index, item] of input.entries()) {
        const checked = schema.items
          ? checkValue(schema.items, item, `${path}/${index}`, coerce)
          : { value: item, issues: [] };
        value.push(checked.value);
        issues.push(...checked.issues);
        if (issues.length >= MAX_ISSUES) break;
      }
      return { value, issues };
    }
    case 'object': {
      if (!isPlainObject(input)) {
        return { value: input, issues: [issue(path, 'type', 'must be object', { type: 'object' })] };
      }
      const properties = schema.properties ?? {};
      const issues: AdminSchemaIssue[] = [];
      const value: Record<string, unknown> = {};
      for (const [name, member] of Object.entries(input)) {
        // Own members only: `toString` or `constructor` are no known field of any schema.
        const memberSchema = Object.hasOwn(properties, name) ? properties[name] : undefined;
        if (memberSchema === undefined) {
          if (schema.additionalProperties === false) {
            issues.push(
              issue(`${path}/${name}`, 'additionalProperties', 'is not a known field', {
                additionalProperty: name,
              }),
            );
          } else {
            value[name] = member;
          }
        } else {
          const checked = checkValue(memberSchema, member, `${path}/${name}`, coerce);
          value[name] = checked.value;
          issues.push(...checked.issues);
        }
        if (issues.length >= MAX_ISSUES) break;
      }
      for (const name of schema.required ?? []) {
        if (!Object.hasOwn(input, name))
          issues.push(issue(`${path}/${name}`, 'required', 'is required', { missingProperty: name }));
      }
      return { value, issues: issues.slice(0, MAX_ISSUES) };
    }
  }
}

/** Checks `input` against `schema`: the value to use (query and path integers read as numbers) or the issues. */
export function checkAdminSchema(
  schema: AdminSchema,
  input: unknown,
  options: { coerce?: boolean } = {},
): { value: unknown } | { issues: AdminSchemaIssue[] } {
  const checked = checkValue(schema, input, '', options.coerce ?? false);
  return checked.issues.length > 0 ? { issues: checked.issues } : { value: checked.value };
}

/**
 * The validator compiler of the admin routes (Fastify's route-level `validatorCompiler`). A failure is
 * returned as Ajv-shaped errors, which Fastify turns into its validation error (400, `validation`,
 * `validationContext`) for the host's error handler: service-kit answers 400 `VALIDATION_FAILED`
 * naming the field (`query.limit`, `body.messageIds.0`).
 */
export const compileAdminValidator: FastifySchemaCompiler<FastifySchema> = ({ schema, httpPart }) => {
  // Only the admin routes use this compiler, and each schema part they give it is an AdminSchema.
  const admin = schema as AdminSchema;
  const coerce = httpPart === 'querystring' || httpPart === 'params';
  return (data: unknown) => {
    const result = checkAdminSchema(admin, data, { coerce });
    return 'issues' in result ? { error: result.issues } : { value: result.value };
  };
};
