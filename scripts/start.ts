// `npm start`: makes sure the dependencies are installed, then runs the stack (packages/stack) from
// source. The stack resolves MongoDB and RabbitMQ, makes demo keys, starts the services and stops
// everything on Ctrl-C; this wrapper only waits for it and passes its exit code on.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) {
  console.log('[stack] installing dependencies (npm ci) ...');
  const install = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (install.status !== 0) {
    console.error('npm start: npm ci failed; see above');
    process.exit(install.status ?? 1);
  }
}

const stack = spawn(process.execPath, ['--conditions=source', join(root, 'packages/stack/src/cli.ts')], {
  cwd: root,
  stdio: 'inherit',
});
// Ctrl-C reaches the stack too (same process group); this process only waits for it to finish.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (signal === 'SIGTERM') stack.kill('SIGTERM');
  });
}
stack.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 1 : 128)));
