import type { ViteUserConfig } from 'vitest/config';

/**
 * Test settings every workspace shares: workspace packages resolve to their TypeScript sources
 * (the `source` export condition), so tests never depend on a prior build.
 */
export function workspaceTestConfig(overrides: ViteUserConfig['test'] = {}): ViteUserConfig {
  return {
    resolve: { conditions: ['source', 'node', 'import', 'default'] },
    ssr: { resolve: { conditions: ['source', 'node', 'import', 'default'] } },
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      testTimeout: 20_000,
      hookTimeout: 60_000,
      ...overrides,
    },
  };
}
