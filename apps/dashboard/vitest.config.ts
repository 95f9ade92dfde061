import { defineConfig } from 'vitest/config';
import { workspaceTestConfig } from '../../vitest.shared.ts';

export default defineConfig(
  workspaceTestConfig({ globalSetup: ['./test/global-setup.ts'], include: ['test/**/*.test.ts'] }),
);
