import type { TestProject } from 'vitest/node';
import { startInfra } from './infra/start-infra.ts';
import type { InfraUrls } from './infra/types.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    infra: InfraUrls;
  }
}

/**
 * Vitest global setup: finds (or starts) MongoDB and RabbitMQ once per test run of a workspace and
 * hands their URLs to every test file through `inject('infra')`; stops what it started at the end.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const infra = await startInfra();
  const { stop, ...urls } = infra;
  project.provide('infra', urls);
  return stop;
}
