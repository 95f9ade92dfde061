import { allScopesOf, simulatorPrincipals } from '@enforcement/simulator/principals';
import { z } from 'zod';
import { bannerOf } from './banner.ts';
import { type DemoPrincipal, demoPrincipals } from './demo-principals.ts';
import { dataDirOf } from './paths.ts';
import { startStack } from './stack.ts';

const optionsSchema = z.object({
  STACK_PORT_BASE: z.coerce.number().int().min(0).max(65_000).default(3001),
  STACK_DB_PREFIX: z
    .string()
    .regex(/^[a-z0-9_]*$/, 'only lowercase letters, digits and _')
    .default(''),
});

/** The simulator's agency systems get keys too; their raw keys go to stack.json, where it finds them. */
const simulatorKeys: Record<string, DemoPrincipal> = Object.fromEntries(
  Object.entries(simulatorPrincipals).map(([name, principal]) => [
    name,
    { agency: principal.agency, scopes: allScopesOf(principal), purpose: principal.purpose },
  ]),
);

/** `npm start`: starts the stack, prints where everything is, and stops it all on Ctrl-C or SIGTERM. */
async function main(): Promise<void> {
  const parsed = optionsSchema.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    console.error(`npm start: ${String(issue?.path[0])} ${issue?.message ?? 'is invalid'}`);
    process.exit(2);
  }
  const out = (line: string) => process.stdout.write(`${line}\n`);
  let stack: Awaited<ReturnType<typeof startStack>>;
  try {
    stack = await startStack({
      dataDir: dataDirOf(process.env),
      portBase: parsed.data.STACK_PORT_BASE,
      dbPrefix: parsed.data.STACK_DB_PREFIX,
      extraToolPrincipals: simulatorKeys,
      out,
      color: process.stdout.isTTY === true,
      env: process.env,
    });
  } catch (error) {
    console.error(`npm start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  for (const line of bannerOf(stack, demoPrincipals)) out(line);

  let stopping = false;
  const stop = async (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    out(`[stack] ${reason}: stopping the services and the infrastructure`);
    await stack.stop();
    out('[stack] stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void stop('Ctrl-C', 0));
  process.on('SIGTERM', () => void stop('SIGTERM', 0));
  void stack.firstExit.then(({ name, code }) => stop(`${name} exited with code ${code}`, 1));
}

await main();
