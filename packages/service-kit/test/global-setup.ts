// Vitest resolves globalSetup entries as paths: this hands over to the testkit's setup (real MongoDB and RabbitMQ).
export { default } from '@enforcement/testkit/global-setup';
