export { type TestApiKeys, type TestClock, type TestPrincipal, testApiKeys } from './api-keys.ts';
