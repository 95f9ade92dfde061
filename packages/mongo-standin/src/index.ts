/**
 * A MongoDB wire-protocol server for machines without Docker or mongod, so tests can use the
 * official driver unchanged. Production uses real MongoDB.
 */

export { type MongoStandin, type MongoStandinOptions, startMongoStandin } from './server/server.ts';
export type { Logger } from './state.ts';
