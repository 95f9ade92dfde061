import { inject } from 'vitest';
import type { InfraUrls } from './infra/types.ts';
import { createTestScope, type TestScope } from './scope.ts';

export type { TestScope } from './scope.ts';

/** The infrastructure URLs provided by the testkit global setup (see global-setup.ts). */
export function testInfra(): InfraUrls {
  const infra = inject('infra');
  if (!infra) {
    throw new Error(
      "no infrastructure: add globalSetup: ['@enforcement/testkit/global-setup'] to the vitest config",
    );
  }
  return infra;
}

/** A scope (own database, vhost and names) for the current test file, from the provided infrastructure. */
export function useTestScope(label: string): Promise<TestScope> {
  return createTestScope(testInfra(), label);
}
