import { buildApp } from './server/app.ts';
import { loadConfig } from './server/config.ts';

// The entry point (`npm start`, and dist/main.js once built, which the image runs): the settings, the
// server of src/server listening, closed at once on SIGINT or SIGTERM.
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig(process.env);
} catch (error) {
  // The message names every bad variable; a stack trace would only hide it.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
const app = await buildApp(config);
await app.listen({ host: config.HOST, port: config.PORT });

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
