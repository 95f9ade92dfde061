import { basename, resolve } from 'node:path';
import type { ViteUserConfig } from 'vitest/config';

// No `import` here: vitest passes these to workers as `--conditions`, which also steer `require()` inside
// dependencies (then @fastify/helmet gets helmet's ESM namespace and @asyncapi/parser's spectral loads
// nimma's ESM build, both failing). Vite adds `import` or `require` itself by how a module is loaded.
const sourceConditions = ['source', 'node', 'default'];

/**
 * Test settings every workspace shares: workspace packages resolve to their TypeScript sources
 * (the `source` export condition), so tests never depend on a prior build; each run also writes
 * a JSON report under `.test-results/` that `scripts/test-summary.ts` adds up for CI.
 */
export function workspaceTestConfig(overrides: ViteUserConfig['test'] = {}): ViteUserConfig {
  const workspace = basename(process.cwd());
  return {
    resolve: { conditions: sourceConditions },
    ssr: { resolve: { conditions: sourceConditions } },
    // Global setup files (the testkit's infrastructure) run in vitest's own `__vitest__` environment.
    environments: { __vitest__: { resolve: { conditions: sourceConditions } } },
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      testTimeout: 20_000,
      hookTimeout: 60_000,
      // Services the tests start as processes inherit this: load shedding on event-loop lag would
      // answer 503 on a busy CI machine. Tests of the shedding itself set their own thresholds.
      env: { PRESSURE_MAX_EVENT_LOOP_DELAY_MS: '0' },
      reporters: [
        'default',
        ['json', { outputFile: resolve(import.meta.dirname, '.test-results', `${workspace}.json`) }],
      ],
      ...overrides,
    },
  };
}
