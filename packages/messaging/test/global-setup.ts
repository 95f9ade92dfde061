// Vitest resolves globalSetup entries as paths, not package specifiers: this file hands over to the
// testkit's setup (real RabbitMQ and MongoDB), imported through the workspace's `source` condition.
export { default } from '@enforcement/testkit/global-setup';
