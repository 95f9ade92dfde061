import type { ViteUserConfig } from 'vitest/config';
/**
 * Test settings every workspace shares: workspace packages resolve to their TypeScript sources
 * (the `source` export condition), so tests never depend on a prior build; each run also writes
 * a JSON report under `.test-results/` that `scripts/test-summary.ts` adds up for CI.
 */
export declare function workspaceTestConfig(overrides?: ViteUserConfig['test']): ViteUserConfig;
