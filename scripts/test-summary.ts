// Adds up the vitest JSON reports that every workspace writes under .test-results/ and prints
// one closing line, `tests: N passed, N failed, N skipped`, so CI can see how much ran.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface VitestJsonReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}

const dir = join(import.meta.dirname, '..', '.test-results');
let files: string[] = [];
try {
  files = readdirSync(dir).filter((name) => name.endsWith('.json'));
} catch {
  console.error(`test-summary: no reports in ${dir}; did the tests run?`);
  process.exit(1);
}

const total = { passed: 0, failed: 0, skipped: 0 };
for (const file of files) {
  const report = JSON.parse(readFileSync(join(dir, file), 'utf8')) as VitestJsonReport;
  total.passed += report.numPassedTests;
  total.failed += report.numFailedTests;
  total.skipped += report.numPendingTests + report.numTodoTests;
  console.log(
    `${file.replace(/\.json$/, '').padEnd(28)} ${report.numPassedTests} passed, ${report.numFailedTests} failed`,
  );
}
console.log(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
