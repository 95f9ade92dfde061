/**
 * The vocabularies alone (`@enforcement/contracts/vocab`): names and codes a browser page can bundle
 * without the rest of the contracts (events, HTTP schemas, AsyncAPI generation).
 */
export * from './agencies.ts';
export * from './case-lifecycle.ts';
export * from './cases.ts';
export * from './customs-offices.ts';
export * from './lot-lifecycle.ts';
export * from './lots.ts';
export * from './oversight.ts';
export * from './provinces.ts';
export * from './services.ts';
