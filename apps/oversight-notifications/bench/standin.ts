// A MongoDB stand-in in its own process, so it never shares an event loop with what is measured.
import { startMongoStandin } from '@enforcement/mongo-standin';

const standin = await startMongoStandin({ port: 0, logger: { info() {}, warn() {} } });
console.log(`standin ${standin.url}`);
process.once('SIGTERM', () => {
  standin.close().then(() => process.exit(0));
});
