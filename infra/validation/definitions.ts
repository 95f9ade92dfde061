import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { type Definitions, platformDefinitions } from '../rabbitmq/topology.ts';
import { errorText, type Report } from './report.ts';

const REGENERATE = 'npm run validate:infra -- --write-definitions rewrites it from the code';

let expected: Promise<Definitions | string> | undefined;

/** The topology the services' code declares (computed once per process), or why it could not be. */
export function declaredTopology(repoRoot: string): Promise<Definitions | string> {
  expected ??= platformDefinitions(repoRoot).catch(
    (error: unknown) => `could not compute the topology the services declare: ${errorText(error)}`,
  );
  return expected;
}

function lineOf(text: string, name: string): number | undefined {
  const index = text.indexOf(`"name": ${JSON.stringify(name)}`);
  return index < 0 ? undefined : text.slice(0, index).split('\n').length;
}

type Named = { name: string } & Record<string, unknown>;

function byName<T extends Named>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.name, item]));
}

/**
 * Compares infra/rabbitmq/definitions.json with what the services declare. Any difference in a queue's
 * arguments would make either the import or the service's declare fail with PRECONDITION_FAILED; a
 * missing binding loses events published before the consumer first starts. Returns the queue names of
 * the file, for the checks of the services' queue variables.
 */
export async function checkDefinitions(file: string, repoRoot: string, report: Report): Promise<Set<string>> {
  report.files += 1;
  let text: string;
  let actual: Definitions;
  try {
    text = readFileSync(file, 'utf8');
    actual = JSON.parse(text) as Definitions;
  } catch (error) {
    report.add(file, { message: `not readable JSON: ${errorText(error)}` });
    return new Set();
  }
  const queues = new Set(Array.isArray(actual.queues) ? actual.queues.map((queue) => queue.name) : []);
  const declared = await declaredTopology(repoRoot);
  if (typeof declared === 'string') {
    report.add(file, { message: declared });
    return queues;
  }
  for (const section of ['exchanges', 'queues', 'bindings'] as const) {
    if (!Array.isArray(actual[section])) {
      report.add(file, { field: section, message: `must be a list (${REGENERATE})` });
      return queues;
    }
  }

  const compare = (section: 'exchanges' | 'queues', what: string): void => {
    const want = byName(declared[section] as unknown as Named[]);
    const have = byName(actual[section] as unknown as Named[]);
    for (const [name, wanted] of want) {
      const had = have.get(name);
      if (!had) {
        report.add(file, {
          field: section,
          message: `${what} ${name} is declared by the services but missing (${REGENERATE})`,
        });
      } else if (!isDeepStrictEqual(had, wanted)) {
        const differing = Object.keys({ ...wanted, ...had }).filter(
          (key) => !isDeepStrictEqual(had[key], wanted[key]),
        );
        const details = differing
          .map(
            (key) =>
              `${key} is ${JSON.stringify(had[key])}, the code declares ${JSON.stringify(wanted[key])}`,
          )
          .join('; ');
        report.add(file, {
          line: lineOf(text, name),
          field: `${section}[${name}]`,
          message: `differs from what the services declare (RabbitMQ refuses the declare): ${details} (${REGENERATE})`,
        });
      }
    }
    for (const name of have.keys()) {
      if (!want.has(name)) {
        report.add(file, {
          line: lineOf(text, name),
          field: `${section}[${name}]`,
          message: `${what} ${name} is declared by no service (${REGENERATE})`,
        });
      }
    }
  };
  compare('exchanges', 'exchange');
  compare('queues', 'queue');

  const key = (binding: Definitions['bindings'][number]): string =>
    `${binding.source} -> ${binding.destination} (${binding.routing_key}) in ${binding.vhost}`;
  const wantBindings = new Set(declared.bindings.map(key));
  const haveBindings = new Set(actual.bindings.map(key));
  for (const binding of wantBindings) {
    if (!haveBindings.has(binding)) {
      report.add(file, {
        field: 'bindings',
        message: `binding ${binding} is declared by a service but missing (${REGENERATE})`,
      });
    }
  }
  for (const binding of haveBindings) {
    if (!wantBindings.has(binding)) {
      report.add(file, {
        field: 'bindings',
        message: `binding ${binding} is declared by no service (${REGENERATE})`,
      });
    }
  }
  return queues;
}
