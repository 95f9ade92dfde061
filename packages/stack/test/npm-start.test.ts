import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashApiKey } from '@enforcement/service-kit';
import {
  aFuelCaseRegistration,
  eventually,
  registerCaseBodyOf,
  SseClient,
  type TestScope,
} from '@enforcement/testkit';
import { useTestScope } from '@enforcement/testkit/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../src/paths.ts';
import type { StackFile } from '../src/stack-file.ts';

const READER_KEY = 'smoke-test-key-prosecutor-khuzestan-0123456789';
const POLICE_KEY = 'smoke-test-key-police-khuzestan-0123456789';

let scope: TestScope;
let dataDir: string;
let stack: ChildProcess;
let output = '';

/** The stack's own state file, once it says the platform is up. */
const stackFile = async (): Promise<StackFile | null> => {
  try {
    return JSON.parse(await readFile(join(dataDir, 'stack.json'), 'utf8')) as StackFile;
  } catch {
    return null;
  }
};

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

beforeAll(async () => {
  scope = await useTestScope('npm-start');
  dataDir = await mkdtemp(join(tmpdir(), 'stack-smoke-'));
  // Keys of the test's own, in the keys file the stack keeps (it adds its demo keys beside them).
  const keys = [
    {
      keyId: 'smoke-police',
      sha256: hashApiKey(POLICE_KEY),
      agency: 'police',
      province: 'khuzestan',
      scopes: ['cases:write'],
    },
    {
      keyId: 'smoke-reader',
      sha256: hashApiKey(READER_KEY),
      agency: 'prosecutor',
      province: 'khuzestan',
      scopes: ['notifications:read'],
    },
  ];
  await writeFile(join(dataDir, 'api-keys.json'), JSON.stringify(keys));
  stack = spawn(process.execPath, [join(repoRoot, 'scripts', 'start.ts')], {
    cwd: repoRoot,
    env: {
      ...process.env,
      MONGO_URL: scope.mongoUrl,
      AMQP_URL: scope.amqpUrl,
      STACK_DATA_DIR: dataDir,
      STACK_PORT_BASE: '0',
      STACK_DB_PREFIX: `${scope.dbName.replace(/[^a-z0-9_]/g, '_')}_`,
    },
    // Its own process group, so the test can press "Ctrl-C" on the whole stack as a terminal would.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  stack.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  stack.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
}, 120_000);

afterAll(async () => {
  if (stack.exitCode === null && stack.pid !== undefined) process.kill(-stack.pid, 'SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
  await scope.cleanup();
});

describe('npm start', () => {
  it('starts the platform, a fuel case reaches the live feed, and Ctrl-C stops every process', async () => {
    const started = await eventually(stackFile, (file) => file !== null, { attempts: 600, intervalMs: 100 });
    if (started === null) throw new Error(`the stack did not start:\n${output}`);
    expect(Object.keys(started.services).sort()).toEqual([
      'case-intake',
      'customs-goods',
      'dashboard',
      'oversight-notifications',
    ]);
    const page = await fetch(`${started.services.dashboard?.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('dir="rtl"');
    expect(output).toContain('Demo API keys (shown this once');
    const caseIntake = started.services['case-intake']?.url;
    const oversight = started.services['oversight-notifications']?.url;

    const feed = await SseClient.open(`${oversight}/v1/feeds/prosecutor:khuzestan/stream`, {
      authorization: `Bearer ${READER_KEY}`,
    });
    expect(feed.status).toBe(200);
    const registration = registerCaseBodyOf(
      aFuelCaseRegistration({
        province: 'khuzestan',
        handlingAuthority: 'prosecutor',
        discoveringAgency: 'police',
      }),
      'اسکله غیررسمی خورموسی',
    );
    const posted = await fetch(`${caseIntake}/v1/cases`, {
      method: 'POST',
      headers: { authorization: `Bearer ${POLICE_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(registration),
    });
    expect(posted.status).toBe(201);
    const caseId = ((await posted.json()) as { id: string }).id;

    const arrived = await eventually(
      async () =>
        feed
          .dataOf<{ ruleId: string; subject: { id: string } }>('notification')
          .map((event) => event.data)
          .find((n) => n.ruleId === 'fuel_case_registered' && n.subject.id === caseId),
      (n) => n !== undefined,
      { attempts: 300, intervalMs: 100 },
    );
    expect(arrived).toBeDefined();
    feed.close();

    if (stack.pid === undefined) throw new Error('the stack has no pid');
    process.kill(-stack.pid, 'SIGINT');
    const [code] = await once(stack, 'exit');
    expect(code).toBe(0);
    expect(output).toContain('[stack] stopped');
    for (const service of Object.values(started.services)) {
      if (service.pid !== undefined) expect(alive(service.pid)).toBe(false);
    }
    expect(await stackFile()).toBeNull();
  }, 120_000);
});
