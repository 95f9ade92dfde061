// The environment-variable tables of docs/operations.md, generated from the services' Zod config schemas.
//
//   node --conditions=source scripts/env-docs.ts            print the tables (markdown) on stdout
//   node --conditions=source scripts/env-docs.ts --write    rewrite the tables in docs/operations.md
//   node --conditions=source scripts/env-docs.ts --check    exit 1 naming every table out of date
//   ... --file <path>                                        another document than docs/operations.md
//
// Each table sits between `<!-- env:<name>:start -->` and `<!-- env:<name>:end -->`: `service-kit` for the
// variables every service shares (`baseConfigSchema`), and one per app (`apps/<app>/src/config.ts`) for
// the variables it adds or redefines. Everything in a row is read from the code and the manifests:
//
// - default, required or optional, and the allowed values (integer range, enum, URL scheme ...) from the
//   schema itself (its `_zod.def` tree: default, optional, pipe, number and string checks, refinements'
//   messages, which service-kit words as "must be ...");
// - the description from the schema (`.describe()` / `.meta({ description })`), else from the JSDoc
//   comment above the variable in the config source, else from `notes` below;
// - the Kubernetes column from infra/k8s/<app>/configmap.yaml (the value set) and secret.yaml ("Secret").
//
// A variable without a description or whose allowed values cannot be read (a bare transform) must get a
// `notes` entry; a `notes` entry the code no longer needs is reported too, so the map stays small.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';

const root = join(import.meta.dirname, '..');
const SHARED = 'service-kit';
const REGENERATE = 'node --conditions=source scripts/env-docs.ts --write';

/** Descriptions (and allowed values) the schemas cannot give. Used only where the code says nothing. */
const notes: Record<string, { description?: string; allowed?: string }> = {
  SERVICE_NAME: { description: 'Name in logs (`service`), traces and the OpenAPI title.' },
  HOST: { description: 'Address to listen on.' },
  PORT: { description: 'Port to listen on (the container port `http`).' },
  LOG_LEVEL: { description: 'Lowest level logged.' },
  LOG_PRETTY: { description: 'Human-readable logs for local runs; JSON lines otherwise.' },
  BODY_LIMIT_BYTES: { description: 'Largest request body; larger ones get 413 `PAYLOAD_TOO_LARGE`.' },
  RATE_LIMIT_MAX: {
    description: 'Requests per window per API key (per client IP without one), counted on each replica.',
  },
  RATE_LIMIT_WINDOW_MS: { description: 'The rate-limit window.' },
  SHUTDOWN_TIMEOUT_MS: {
    description: 'Longest graceful shutdown after SIGTERM; past it the process exits 1.',
  },
  TRUST_PROXY: {
    description: 'Trust `X-Forwarded-*` (behind an ingress), so rate limits and logs see the client IP.',
  },
  OTEL_ENABLED: { description: 'Export OpenTelemetry traces.' },
  OTEL_EXPORTER_OTLP_ENDPOINT: { description: 'OTLP/HTTP collector (`/v1/traces` is appended).' },
  API_KEYS: {
    description: 'API key records, inline (secret: never echoed). Keys of API_KEYS and API_KEYS_FILE add up.',
    allowed: 'JSON list of `{keyId, sha256, agency, province?, scopes}`; unique `keyId`s',
  },
  API_KEYS_FILE: {
    description: 'Path of a file holding the same JSON list (e.g. a mounted Secret).',
    allowed: 'path of a readable file',
  },
  IDEMPOTENCY_TTL_MS: { description: 'How long `Idempotency-Key` responses are kept (MongoDB TTL index).' },
  READINESS_PROBE_TIMEOUT_MS: {
    description: 'Timeout of each `/health/ready` probe; keep it below the readiness probe’s timeout.',
  },
  PRESSURE_MAX_EVENT_LOOP_DELAY_MS: {
    description: 'Shed requests (503) above this event-loop delay; 0 = off.',
  },
  PRESSURE_MAX_EVENT_LOOP_UTILIZATION: {
    description: 'Shed requests above this event-loop utilisation; 0 = off.',
  },
  PRESSURE_MAX_HEAP_USED_BYTES: { description: 'Shed requests above this heap use; 0 = off.' },
  PRESSURE_MAX_RSS_BYTES: { description: 'Shed requests above this resident memory; 0 = off.' },
  PRESSURE_SAMPLE_INTERVAL_MS: { description: 'How often load is sampled.' },
  PRESSURE_RETRY_AFTER_S: { description: '`Retry-After` of a shed request.' },
  MONGO_URL: { description: 'MongoDB connection string (a replica set; credentials: a Secret).' },
  AMQP_URL: { description: 'RabbitMQ URL (credentials: a Secret); the exchange is `enforcement.events`.' },
  MONGO_DB: { description: 'The service’s own database.' },
  DETERMINATION_DAYS: {
    description: 'Days from registration until an open case is overdue for determination.',
  },
  FUEL_DETERMINATION_DAYS: { description: 'The same for fuel cases.' },
  ABANDONMENT_MONTHS: {
    description: 'Solar Hijri months from warehousing (`held`) to the abandonment date.',
  },
  ABANDONMENT_EXTENSION_MAX_MONTHS: { description: 'Limit of the one abandonment extension, in months.' },
  CASE_EVENTS_QUEUE: {
    description:
      'Durable queue of the case events consumed; must be a queue of `infra/rabbitmq/definitions.json`.',
  },
  WATCHED_EVENTS_QUEUE: {
    description:
      'Durable queue of the case, unit and goods events watched; must be a queue of `infra/rabbitmq/definitions.json`.',
  },
  SWEEP_INTERVAL_S: { description: 'Seconds between two sweeps for due obligations, on each replica.' },
  SWEEP_LEASE_S: {
    description: 'How long a claimed obligation stays claimed if its replica dies mid-sweep.',
  },
  SWEEP_BATCH: { description: 'Most obligations (and escalations) handled by one sweep; the rest wait.' },
  WEBHOOK_POLL_MS: {
    description: 'Pause between webhook delivery rounds when the last found nothing to do.',
  },
  WEBHOOK_TIMEOUT_MS: {
    description:
      'Timeout of one webhook delivery (connect to end of response); the lease is 4× this, at least 30 s.',
  },
  WEBHOOK_RETRY_BASE_MS: {
    description: 'First retry delay of a failed delivery; doubles per failure, ±20 %.',
  },
  WEBHOOK_RETRY_MAX_MS: { description: 'Longest retry delay of a failed delivery.' },
  WEBHOOK_BATCH: { description: 'Most webhooks handled by one delivery round.' },
  OVERSIGHT_URL: { allowed: 'an http(s) URL' },
  CUSTOMS_GOODS_URL: { allowed: 'an http(s) URL' },
  CASE_INTAKE_URL: { allowed: 'an http(s) URL' },
  DASHBOARD_AUDIENCES: { allowed: 'comma-separated feeds: `agency` or `agency:province`' },
  WEBHOOK_ALLOWED_HOSTS: { allowed: 'comma-separated host names, IPs or `*.domain`; empty = none' },
  WEBHOOK_ALLOW_PRIVATE_HOSTS: { allowed: 'comma-separated host names, IPs or `*.domain`; empty = none' },
};

// --- reading a Zod 4 schema ---------------------------------------------------------------------

interface ZodNode {
  _zod: { def: ZodDef };
  description?: string;
  meta?: () => { description?: unknown } | undefined;
}
interface ZodDef {
  type: string;
  innerType?: ZodNode;
  in?: ZodNode;
  out?: ZodNode;
  defaultValue?: unknown;
  entries?: Record<string, string | number>;
  checks?: { _zod: { def: CheckDef } }[];
}
interface CheckDef {
  check: string;
  format?: string;
  value?: number;
  minimum?: number;
  inclusive?: boolean;
  error?: (issue: object) => unknown;
}

/** What the schema of one variable says about its values. */
interface FieldFacts {
  hasDefault: boolean;
  defaultValue?: unknown;
  optional: boolean;
  enumValues?: string[];
  number?: { integer: boolean; min?: number; max?: number; exclusive: boolean };
  /** Messages of refinements ("must be an http(s) URL"). */
  refinements: string[];
  minLength?: number;
  transformed: boolean;
  /** Node types this reader does not understand. */
  unknown: string[];
}

function messageOf(check: CheckDef): string | undefined {
  const result = check.error?.({});
  if (typeof result === 'string') return result;
  if (result && typeof result === 'object' && 'message' in result && typeof result.message === 'string') {
    return result.message;
  }
  return undefined;
}

function factsOf(schema: ZodNode): FieldFacts {
  const facts: FieldFacts = {
    hasDefault: false,
    optional: false,
    refinements: [],
    transformed: false,
    unknown: [],
  };
  const visit = (node: ZodNode): void => {
    const def = node._zod.def;
    const checks = (def.checks ?? []).map((check) => check._zod.def);
    for (const check of checks) {
      const message = check.check === 'custom' ? messageOf(check) : undefined;
      if (message !== undefined) facts.refinements.push(message);
    }
    switch (def.type) {
      case 'default':
        if (!facts.hasDefault) {
          facts.hasDefault = true;
          facts.defaultValue = def.defaultValue;
        }
        if (def.innerType) visit(def.innerType);
        return;
      case 'optional':
        facts.optional = true;
        if (def.innerType) visit(def.innerType);
        return;
      case 'pipe':
        if (def.in) visit(def.in);
        if (def.out) visit(def.out);
        return;
      case 'transform':
        facts.transformed = true;
        return;
      case 'array':
        // The output of a transform (a list split from the text): what the text allows is a note.
        return;
      case 'enum':
        facts.enumValues = Object.values(def.entries ?? {}).map(String);
        return;
      case 'string':
        for (const check of checks) {
          if (check.check === 'min_length') facts.minLength = check.minimum;
          // A pattern's message says what it allows ("must be a raw API key (20 to 512 ...)").
          const message =
            check.check === 'string_format' && check.format === 'regex' ? messageOf(check) : undefined;
          if (message !== undefined) facts.refinements.push(message);
        }
        return;
      case 'number':
        facts.number = {
          integer: checks.some((check) => check.check === 'number_format' && check.format === 'safeint'),
          exclusive: checks.some((check) => check.inclusive === false),
        };
        for (const check of checks) {
          if (check.check === 'greater_than') facts.number.min = check.value;
          if (check.check === 'less_than') facts.number.max = check.value;
        }
        return;
      default:
        facts.unknown.push(def.type);
    }
  };
  visit(schema);
  return facts;
}

function schemaDescription(schema: ZodNode): string | undefined {
  const meta = schema.meta?.()?.description;
  if (typeof meta === 'string' && meta.trim() !== '') return meta.trim();
  return schema.description?.trim() || undefined;
}

/** JSDoc comments directly above `NAME:` in a config source, by variable name. */
function jsDocDescriptions(file: string): Map<string, string> {
  const found = new Map<string, string>();
  if (!existsSync(file)) return found;
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(
    /\/\*\*((?:[^*]|\*(?!\/))*)\*\/[ \t]*\r?\n[ \t]*([A-Z][A-Z0-9_]*)\s*:/g,
  )) {
    const [, body, name] = match;
    if (!body || !name) continue;
    const words = body
      .split('\n')
      .map((line) => line.replace(/^\s*\*?\s?/, '').trim())
      .filter((line) => line !== '')
      .join(' ');
    if (words !== '') found.set(name, words);
  }
  return found;
}

// --- formatting ---------------------------------------------------------------------------------

const DURATIONS_MS: [number, string][] = [
  [86_400_000, 'd'],
  [3_600_000, 'h'],
  [60_000, 'min'],
  [1000, 's'],
];

/** "1 d", "15 min", "1 MiB" for values of variables named *_MS, *_S or *_BYTES, when exact and shorter. */
function human(name: string, value: number): string | undefined {
  if (value === 0) return undefined;
  if (value === Number.MAX_SAFE_INTEGER) return '2^53−1';
  const ownUnit = name.endsWith('_MS') ? 'ms' : name.endsWith('_S') ? 's' : undefined;
  if (ownUnit !== undefined) {
    const ms = ownUnit === 'ms' ? value : value * 1000;
    const unit = DURATIONS_MS.find(([size]) => ms >= size && ms % size === 0);
    return unit === undefined || unit[1] === ownUnit ? undefined : `${ms / unit[0]} ${unit[1]}`;
  }
  if (name.endsWith('_BYTES')) {
    const units: [number, string][] = [
      [1024 ** 3, 'GiB'],
      [1024 ** 2, 'MiB'],
      [1024, 'KiB'],
    ];
    const unit = units.find(([size]) => value >= size && value % size === 0);
    return unit === undefined ? undefined : `${value / unit[0]} ${unit[1]}`;
  }
  return undefined;
}

function code(text: string): string {
  return text === '' ? '`""` (empty)' : `\`${text}\``;
}

function numberText(name: string, value: number): string {
  const hint = human(name, value);
  return hint === undefined ? String(value) : `${value} (${hint})`;
}

function defaultText(name: string, facts: FieldFacts): string {
  if (!facts.hasDefault) return facts.optional ? 'unset' : '**required**';
  const value = facts.defaultValue;
  if (typeof value === 'number') {
    const hint = human(name, value);
    return hint === undefined ? code(String(value)) : `${code(String(value))} (${hint})`;
  }
  // A default computed from the source location (a folder of the app) is shown from the repository root.
  const text = String(value);
  return code(text.startsWith(`${root}/`) ? `<repository>/${relative(root, text)}` : text);
}

/** What values the schema accepts, or undefined when it cannot say (a bare transform). */
function allowedText(name: string, facts: FieldFacts): string | undefined {
  if (facts.enumValues) {
    if ([...facts.enumValues].sort().join() === '0,1,false,true') return '`true`, `false`, `1`, `0`';
    return `one of ${facts.enumValues.map((value) => `\`${value}\``).join(', ')}`;
  }
  if (facts.number) {
    const { integer, min, max, exclusive } = facts.number;
    const kind = integer ? 'integer' : 'number';
    if (min === undefined && max === undefined) return kind;
    if (exclusive) {
      const bounds = [min === undefined ? '' : `> ${min}`, max === undefined ? '' : `< ${max}`];
      return `${kind} ${bounds.filter((bound) => bound !== '').join(' and ')}`;
    }
    return `${kind} ${min === undefined ? '…' : numberText(name, min)} – ${max === undefined ? '…' : numberText(name, max)}`;
  }
  if (facts.refinements.length > 0) {
    return facts.refinements.map((message) => message.replace(/^must be /, '')).join('; ');
  }
  if (facts.transformed) return undefined;
  if (facts.minLength !== undefined && facts.minLength > 0) return 'non-empty string';
  return 'any string';
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

// --- the services and their manifests -----------------------------------------------------------

interface ObjectSchema {
  shape: Record<string, ZodNode>;
}

interface Manifests {
  configMap: Record<string, string>;
  secretKeys: Set<string>;
}

function readManifests(app: string): Manifests | undefined {
  const folder = join(root, 'infra', 'k8s', app);
  if (!existsSync(folder)) return undefined;
  const read = (file: string): Record<string, unknown> => {
    const path = join(folder, file);
    if (!existsSync(path)) return {};
    return (parseYaml(readFileSync(path, 'utf8')) ?? {}) as Record<string, unknown>;
  };
  const data = (read('configmap.yaml').data ?? {}) as Record<string, unknown>;
  const stringData = (read('secret.yaml').stringData ?? {}) as Record<string, unknown>;
  return {
    configMap: Object.fromEntries(Object.entries(data).map(([key, value]) => [key, String(value)])),
    secretKeys: new Set(Object.keys(stringData)),
  };
}

function kubernetesText(name: string, manifests: Manifests | undefined): string {
  if (manifests === undefined) return '—';
  if (manifests.secretKeys.has(name)) return 'Secret';
  const value = manifests.configMap[name];
  return value === undefined ? '—' : code(value);
}

interface Service {
  name: string;
  schema: ObjectSchema;
  source: string;
  manifests: Manifests | undefined;
}

/** Where an app keeps `configSchema`: a service in `src/config.ts`, the dashboard beside its server. */
const CONFIG_FILES = ['src/config.ts', 'src/server/config.ts'];

async function loadServices(): Promise<Service[]> {
  const services: Service[] = [];
  for (const app of readdirSync(join(root, 'apps')).sort()) {
    const file = CONFIG_FILES.find((candidate) => existsSync(join(root, 'apps', app, candidate)));
    if (file === undefined) continue;
    const source = join(root, 'apps', app, file);
    const { configSchema: schema } = (await import(pathToFileURL(source).href)) as {
      configSchema?: ObjectSchema;
    };
    if (!schema?.shape) throw new Error(`apps/${app}/${file} does not export configSchema`);
    services.push({ name: app, schema, source, manifests: readManifests(app) });
  }
  return services;
}

// --- the tables ---------------------------------------------------------------------------------

interface Row {
  name: string;
  cells: string[];
}

const HEADER = ['Variable', 'Default', 'What it does', 'Allowed', 'Kubernetes'];

interface Generation {
  /** Table name (`service-kit` or an app) -> its markdown, header and rows. */
  tables: Map<string, { intro: string; rows: Row[] }>;
  problems: string[];
}

async function generate(): Promise<Generation> {
  const { baseConfigSchema } = (await import('@enforcement/service-kit')) as unknown as {
    baseConfigSchema: ObjectSchema;
  };
  const services = await loadServices();
  const problems: string[] = [];
  const usedNotes = new Set<string>();
  const baseSource = join(root, 'packages', 'service-kit', 'src', 'config.ts');
  const baseDocs = jsDocDescriptions(baseSource);

  const rowOf = (
    owner: string,
    name: string,
    schema: ZodNode,
    docs: Map<string, string>,
    kubernetes: string,
  ): Row => {
    const facts = factsOf(schema);
    if (facts.unknown.length > 0) {
      problems.push(
        `${owner}: ${name}: schema node(s) ${facts.unknown.join(', ')} not understood by env-docs.ts`,
      );
    }
    const note = notes[name];
    let description = schemaDescription(schema) ?? docs.get(name);
    if (description === undefined && note?.description !== undefined) {
      description = note.description;
      usedNotes.add(`${name}.description`);
    }
    if (description === undefined) {
      problems.push(
        `${owner}: ${name} has no description: add .describe() or a JSDoc comment to its schema, or an entry to notes in scripts/env-docs.ts`,
      );
    }
    let allowed = allowedText(name, facts);
    if (allowed === undefined && note?.allowed !== undefined) {
      allowed = note.allowed;
      usedNotes.add(`${name}.allowed`);
    }
    if (allowed === undefined) {
      problems.push(
        `${owner}: ${name}: allowed values cannot be read from its schema: add notes.${name}.allowed`,
      );
    }
    return {
      name,
      cells: [`\`${name}\``, defaultText(name, facts), description ?? '', allowed ?? '', kubernetes].map(
        cell,
      ),
    };
  };

  const tables: Generation['tables'] = new Map();
  const baseShape = baseConfigSchema.shape;
  const baseRows = Object.entries(baseShape).map(([name, schema]) => {
    const values = services
      .filter((service) => service.manifests !== undefined && service.schema.shape[name] === schema)
      .map((service) => ({ service: service.name, text: kubernetesText(name, service.manifests) }));
    const distinct = [...new Set(values.map((value) => value.text))];
    const kubernetes =
      distinct.length === 0
        ? '—'
        : distinct.length === 1
          ? (distinct[0] ?? '—')
          : values.map((value) => `${value.service}: ${value.text}`).join('; ');
    return rowOf(SHARED, name, schema, baseDocs, kubernetes);
  });
  tables.set(SHARED, {
    intro: 'Read by every service (`baseConfigSchema` in `packages/service-kit/src/config.ts`).',
    rows: baseRows,
  });

  for (const service of services) {
    const docs = new Map([...baseDocs, ...jsDocDescriptions(service.source)]);
    const shape = service.schema.shape;
    const own = Object.entries(shape).filter(([name, schema]) => baseShape[name] !== schema);
    const dropped = Object.keys(baseShape).filter((name) => !(name in shape));
    const redefined = own.filter(([name]) => name in baseShape).map(([name]) => `\`${name}\``);
    const file = relative(root, service.source);
    const shared = Object.keys(shape).some((name) => shape[name] === baseShape[name]);
    const intro = shared
      ? [
          `\`${file}\`: the shared variables above`,
          dropped.length > 0 ? ` except ${dropped.map((name) => `\`${name}\``).join(', ')}` : '',
          redefined.length > 0 ? ` (${redefined.join(', ')} redefined below)` : '',
          ', plus:',
        ].join('')
      : `\`${file}\` (not service-kit's: none of the shared variables above):`;
    tables.set(service.name, {
      intro,
      rows: own.map(([name, schema]) =>
        rowOf(service.name, name, schema, docs, kubernetesText(name, service.manifests)),
      ),
    });
  }

  for (const [name, note] of Object.entries(notes)) {
    for (const field of ['description', 'allowed'] as const) {
      if (note[field] !== undefined && !usedNotes.has(`${name}.${field}`)) {
        problems.push(
          `scripts/env-docs.ts: notes.${name}.${field} is not used (the schema says it, or no service has ${name}): remove it`,
        );
      }
    }
  }
  return { tables, problems };
}

function render(table: { intro: string; rows: Row[] }): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    '<!-- Generated by scripts/env-docs.ts from the config schemas; edit those, then run:',
    `     ${REGENERATE} -->`,
    '',
    table.intro,
    '',
    line(HEADER),
    line(HEADER.map(() => '---')),
    ...table.rows.map((row) => line(row.cells)),
  ].join('\n');
}

// --- the document -------------------------------------------------------------------------------

const markerPattern = /<!-- env:([a-z0-9-]+):(start|end) -->/g;

interface Block {
  name: string;
  /** Offsets of the text between the start marker's end and the end marker's start. */
  from: number;
  to: number;
}

function blocksOf(text: string): { blocks: Block[]; problems: string[] } {
  const blocks: Block[] = [];
  const problems: string[] = [];
  let open: { name: string; from: number } | undefined;
  for (const match of text.matchAll(markerPattern)) {
    const [marker, name, kind] = match;
    if (name === undefined || kind === undefined) continue;
    if (kind === 'start') {
      if (open) problems.push(`<!-- env:${open.name}:start --> has no end marker before ${marker}`);
      open = { name, from: match.index + marker.length };
    } else if (open?.name !== name) {
      problems.push(`${marker} has no start marker`);
    } else {
      blocks.push({ name, from: open.from, to: match.index });
      open = undefined;
    }
  }
  if (open) problems.push(`<!-- env:${open.name}:start --> has no end marker`);
  return { blocks, problems };
}

/** Rows of a rendered table by variable name (first cell without backticks). */
function rowsIn(markdown: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of markdown.split('\n')) {
    const match = /^\|\s*`([A-Z][A-Z0-9_]*)`\s*\|/.exec(line.trim());
    if (match?.[1]) rows.set(match[1], line.trim());
  }
  return rows;
}

/** What differs between the table in the document and the one the code gives, by variable. */
function driftOf(name: string, current: string, wanted: string): string[] {
  const have = rowsIn(current);
  const want = rowsIn(wanted);
  const drift: string[] = [];
  for (const variable of want.keys()) if (!have.has(variable)) drift.push(`${name}: ${variable} is missing`);
  for (const variable of have.keys()) {
    if (!want.has(variable)) drift.push(`${name}: ${variable} is documented but no longer in the schema`);
  }
  for (const [variable, row] of want) {
    const old = have.get(variable);
    if (old === undefined || old === row) continue;
    const oldCells = old.split(/(?<!\\)\|/).map((part) => part.trim());
    const newCells = row.split(/(?<!\\)\|/).map((part) => part.trim());
    const columns = HEADER.filter((_, index) => oldCells[index + 1] !== newCells[index + 1]);
    drift.push(`${name}: ${variable}: ${columns.join(', ').toLowerCase() || 'row'} differs`);
  }
  if (drift.length === 0) drift.push(`${name}: the text around the rows differs`);
  return drift;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      write: { type: 'boolean', default: false },
      check: { type: 'boolean', default: false },
      file: { type: 'string' },
    },
  });
  const file = values.file ?? join(root, 'docs', 'operations.md');
  const fromHere = relative(process.cwd(), file);
  const shown = fromHere === '' || fromHere.startsWith('..') ? file : fromHere;
  const { tables, problems } = await generate();
  const rendered = new Map([...tables].map(([name, table]) => [name, render(table)]));

  if (!values.write && !values.check) {
    for (const [name, markdown] of rendered) {
      console.log(`<!-- env:${name}:start -->\n${markdown}\n<!-- env:${name}:end -->\n`);
    }
    for (const problem of problems) console.error(`env-docs: ${problem}`);
    return problems.length > 0 ? 1 : 0;
  }

  if (!existsSync(file)) {
    console.error(`env-docs: ${shown} does not exist`);
    return 1;
  }
  const text = readFileSync(file, 'utf8');
  const found = blocksOf(text);
  problems.push(...found.problems.map((problem) => `${shown}: ${problem}`));
  const byName = new Map(found.blocks.map((block) => [block.name, block]));
  for (const name of rendered.keys()) {
    if (!byName.has(name)) {
      problems.push(
        `${shown} has no <!-- env:${name}:start --> / <!-- env:${name}:end --> markers: add them where its table belongs, then run ${REGENERATE}`,
      );
    }
  }
  for (const block of found.blocks) {
    if (!rendered.has(block.name)) {
      problems.push(
        `${shown}: markers env:${block.name} name no service (have: ${[...rendered.keys()].join(', ')})`,
      );
    }
  }

  const drift: string[] = [];
  let next = text;
  // From the last block backwards, so earlier offsets stay valid while replacing.
  for (const block of [...found.blocks].reverse()) {
    const wanted = rendered.get(block.name);
    if (wanted === undefined) continue;
    const current = text.slice(block.from, block.to);
    const replacement = `\n${wanted}\n`;
    if (current === replacement) continue;
    drift.unshift(...driftOf(block.name, current, replacement));
    next = next.slice(0, block.from) + replacement + next.slice(block.to);
  }

  if (values.write) {
    if (next !== text) writeFileSync(file, next);
    console.log(`env-docs: ${drift.length === 0 ? `${shown} was up to date` : `rewrote ${shown}`}`);
  } else if (drift.length > 0) {
    console.error(`env-docs: ${shown} is out of date with the config schemas (run ${REGENERATE}):`);
    for (const line of drift) console.error(`  - ${line}`);
  }
  for (const problem of problems) console.error(`env-docs: ${problem}`);
  if (problems.length > 0) return 1;
  if (values.check && drift.length > 0) return 1;
  if (values.check) console.log(`env-docs: ${shown} matches the config schemas`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`env-docs: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  },
);
