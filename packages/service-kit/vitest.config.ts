import { defineConfig } from 'vitest/config';
import { workspaceTestConfig } from '../../vitest.shared.ts';

const shared = workspaceTestConfig();

// Vitest passes ssr.resolve.conditions to the worker as `--conditions`, which also steer `require`:
// with "import" among them, @fastify/helmet's `require('helmet')` loads helmet's ESM build and
// gets a namespace object instead of a function. Keep only the conditions we actually need.
export default defineConfig({ ...shared, ssr: { resolve: { conditions: ['source', 'node'] } } });
