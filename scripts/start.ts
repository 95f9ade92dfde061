// `npm start`: runs the whole system locally. The services are built in their own issues; until
// they exist this says which parts are ready and which are not, and exits without error.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const parts = [
  { name: 'case intake service', path: 'apps/case-intake/src/main.ts' },
  { name: 'customs goods tracking service', path: 'apps/customs-goods/src/main.ts' },
  { name: 'oversight notifications service', path: 'apps/oversight-notifications/src/main.ts' },
  { name: 'oversight dashboard', path: 'apps/dashboard/package.json' },
];

const missing = parts.filter((part) => !existsSync(join(root, part.path)));
for (const part of parts) {
  console.log(`${missing.includes(part) ? 'not built yet' : 'ready        '}  ${part.name}`);
}
if (missing.length > 0) {
  console.log('\nnpm start will run these together once they are built; nothing to start yet.');
}
