import { defineConfig } from 'vitest/config';
import { workspaceTestConfig } from '../../vitest.shared.ts';

// One long scenario: a dedicated broker, a MongoDB stand-in and the three services as processes,
// about two minutes of traffic and faults, then the checks. No global setup: it owns its infrastructure.
export default defineConfig(workspaceTestConfig({ testTimeout: 240_000, hookTimeout: 120_000 }));
