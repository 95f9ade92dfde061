import { loadConfigOrExit, runService, startTracing } from '@enforcement/service-kit';
import { MongoClient } from 'mongodb';
import { buildApp, storesOf } from './app.ts';
import { configSchema } from './config.ts';
import { wireMessaging } from './messaging.ts';
import { readRulesFile } from './rules-file.ts';
import { webhookSettingsOf } from './webhooks/settings.ts';

/** Composition root: config, rules file, MongoDB and indexes, app, messaging and sweep, listen. */
async function main(): Promise<void> {
  const config = loadConfigOrExit(configSchema);
  const initialRules = await readRulesFile(config.RULES_FILE);
  const tracing = startTracing(config);
  const client = await new MongoClient(config.MONGO_URL, { serverSelectionTimeoutMS: 10_000 }).connect();
  const db = client.db(config.MONGO_DB);
  await storesOf(db).prepare(initialRules);
  const app = await buildApp({ config, db, tracing });
  const messaging = wireMessaging(app, db, {
    amqpUrl: config.AMQP_URL,
    watchedEventsQueue: config.WATCHED_EVENTS_QUEUE,
    sweepEveryMs: config.SWEEP_INTERVAL_S * 1000,
    sweepLeaseMs: config.SWEEP_LEASE_S * 1000,
    sweepBatch: config.SWEEP_BATCH,
    webhooks: webhookSettingsOf(config),
  });
  // One hook, so the sweep, relay and consumer stop before the database they use is closed.
  app.addHook('onClose', async () => {
    await messaging.close();
    await client.close();
  });
  await messaging.start();
  await runService(app, config, { afterClose: tracing.shutdown });
}

main().catch((error: unknown) => {
  console.error('oversight-notifications failed to start', error);
  process.exit(1);
});
