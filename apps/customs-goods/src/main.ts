import { loadConfigOrExit, runService, startTracing } from '@enforcement/service-kit';
import { MongoClient } from 'mongodb';
import { buildApp, storesOf } from './app.ts';
import { configSchema } from './config.ts';
import { wireMessaging } from './messaging.ts';

/** Composition root: config, tracing, MongoDB, indexes and offices, app, messaging, listen; all close with the app. */
async function main(): Promise<void> {
  const config = loadConfigOrExit(configSchema);
  const tracing = startTracing(config);
  const client = await new MongoClient(config.MONGO_URL, { serverSelectionTimeoutMS: 10_000 }).connect();
  const db = client.db(config.MONGO_DB);
  await storesOf(db).prepare();
  const app = await buildApp({ config, db, tracing });
  const messaging = wireMessaging(app, db, {
    amqpUrl: config.AMQP_URL,
    caseEventsQueue: config.CASE_EVENTS_QUEUE,
  });
  // One hook, so the relay and the consumer stop before the database they use is closed.
  app.addHook('onClose', async () => {
    await messaging.close();
    await client.close();
  });
  await messaging.start();
  await runService(app, config, { afterClose: tracing.shutdown });
}

main().catch((error: unknown) => {
  console.error('customs-goods failed to start', error);
  process.exit(1);
});
