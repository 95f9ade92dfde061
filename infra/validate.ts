/**
 * Validates the deployment files of infra/ against the Kubernetes API schemas and against the code:
 *
 *   npm run validate:infra                          # = node --conditions=source infra/validate.ts
 *   npm run validate:infra -- --self-test           # also proves that broken copies are refused
 *   npm run validate:infra -- --write-definitions   # rewrites rabbitmq/definitions.json from the code
 *
 * Exits 1 naming file, line, object and field of every problem. What it checks: infra/README.md.
 * `--conditions=source` lets it import the workspaces' TypeScript sources (config schemas, topology)
 * without a build.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { platformDefinitions } from './rabbitmq/topology.ts';
import { validateInfra } from './validation/index.ts';
import { formatProblem } from './validation/report.ts';
import { selfTest } from './validation/self-test.ts';

const INFRA = import.meta.dirname;
const REPO = join(INFRA, '..');
const USAGE = 'usage: node --conditions=source infra/validate.ts [--self-test] [--write-definitions]';

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function main(): Promise<number> {
  let options: { 'self-test'?: boolean; 'write-definitions'?: boolean; help?: boolean };
  try {
    options = parseArgs({
      options: {
        'self-test': { type: 'boolean' },
        'write-definitions': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    console.error(USAGE);
    return 2;
  }
  if (options.help) {
    print(USAGE);
    return 0;
  }

  if (options['write-definitions']) {
    const definitions = await platformDefinitions(REPO);
    writeFileSync(join(INFRA, 'rabbitmq/definitions.json'), `${JSON.stringify(definitions, null, 2)}\n`);
    print(
      `validate:infra: wrote infra/rabbitmq/definitions.json (${definitions.exchanges.length} exchange, ` +
        `${definitions.queues.length} queues, ${definitions.bindings.length} bindings)`,
    );
  }

  let failed = false;
  const report = await validateInfra(INFRA, REPO);
  if (report.problems.length > 0) {
    failed = true;
    for (const problem of report.problems) console.error(formatProblem(problem));
    console.error(`validate:infra: ${report.problems.length} problem(s) in infra/`);
  } else {
    print(
      `validate:infra: infra/ is valid: ${report.files} files, ${report.objects} Kubernetes objects valid ` +
        "against their API schemas and consistent with the apps' config, routes and broker topology",
    );
  }

  if (options['self-test']) {
    const results = await selfTest(INFRA, REPO);
    for (const result of results)
      print(`  ${result.ok ? 'ok  ' : 'FAIL'} ${result.name}\n       ${result.detail}`);
    const failures = results.filter((result) => !result.ok).length;
    if (failures > 0) failed = true;
    print(
      failures === 0
        ? `validate:infra self-test: the validator refused all ${results.length - 1} broken copies of infra/, each naming the file and field`
        : `validate:infra self-test: ${failures} of ${results.length} checks did not behave as expected`,
    );
  }
  return failed ? 1 : 0;
}

// Exits explicitly: the imported service code may hold handles (metrics registries) open.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('validate:infra failed:', error);
    process.exit(1);
  },
);
