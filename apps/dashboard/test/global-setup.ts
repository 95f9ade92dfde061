// Vitest resolves globalSetup entries as paths, so the testkit's setup is re-exported from a file here.
export { default } from '@enforcement/testkit/global-setup';
