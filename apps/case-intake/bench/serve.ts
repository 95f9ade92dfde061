// One server under test, in its own process: `serve.ts service` (case-intake as deployed),
// `serve.ts bare` (a Fastify route that validates nothing and inserts the same document), or
// `serve.ts bare_indexed` (the same bare route into a collection with the service's indexes).
import { randomUUID } from 'node:crypto';
import { loadConfig } from '@enforcement/service-kit';
import Fastify from 'fastify';
import { MongoClient } from 'mongodb';
import { buildApp, storesOf } from '../src/app.ts';
import { configSchema } from '../src/config.ts';
import type { CaseDocument } from '../src/store/case-document.ts';
import { storedCaseTemplate } from './template.ts';

const mode = process.argv[2];
const mongoUrl = process.env.MONGO_URL ?? '';
const client = await new MongoClient(mongoUrl).connect();
const db = client.db(`bench_${mode}`);
await db.dropDatabase();

async function service() {
  const config = loadConfig(configSchema, { ...process.env, MONGO_URL: mongoUrl, MONGO_DB: db.databaseName });
  await storesOf(db).ensureIndexes();
  return buildApp({ config, db });
}

async function bare() {
  const app = Fastify();
  const cases = db.collection<CaseDocument>('cases');
  if (mode === 'bare_indexed') await storesOf(db).ensureIndexes();
  const template = storedCaseTemplate();
  app.post('/v1/cases', async (request, reply) => {
    const { discoveryReference } = request.body as { discoveryReference: string };
    const id = randomUUID();
    await cases.insertOne({
      ...template,
      _id: id,
      discoveryReference,
      discoveryReferenceAsWritten: discoveryReference,
    });
    return reply.code(201).header('location', `/v1/cases/${id}`).send({ id });
  });
  return app;
}

const app = mode === 'service' ? await service() : await bare();
app.addHook('onClose', async () => {
  await client.close();
});
const address = await app.listen({ host: '127.0.0.1', port: 0 });
console.log(`listening ${address}`);
process.once('SIGTERM', () => {
  app.close().then(() => process.exit(0));
});
