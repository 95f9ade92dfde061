/**
 * Hostile-input helpers shared by every service's tests: fuzzing of every route an app registered,
 * the function-level authorization matrix, route/OpenAPI comparison, checks of refusals (problem+json,
 * no internals, nothing written), security headers, and messages that break the event contract.
 */
export { hostileRequest, hostileString, hostileTree, type RouteInputs } from './arbitraries.ts';
export {
  ALL_SCOPES,
  allButScope,
  NO_SCOPES,
  onlyScope,
  type ScopedPrincipal,
  type ScopeMatrix,
  type ScopeMatrixOptions,
  scopeMatrix,
  scopeMatrixPrincipals,
} from './authorization.ts';
export { type ContractViolation, contractViolations, deadLettersOf, type SeenDeadLetter } from './bus.ts';
export { bodyRefusalCases, massAssignmentBodies, PRIVILEGED_FIELDS, type RefusalCase } from './cases.ts';
export { type FuzzCoverage, fuzzCoverage, fuzzTimeoutMs } from './coverage.ts';
export {
  documentedNames,
  FUZZ_SEED,
  type FuzzOptions,
  fuzzRoutes,
  fuzzRuns,
  type RouteExample,
  type RouteFuzzResult,
} from './fuzz.ts';
export { JsonLiteral, JsonObject, type JsonTree, jsonText } from './json-text.ts';
export { openApiDrift, pagedRoutes, pageRequest, repeatedly } from './limits.ts';
export {
  leakIn,
  missingSecurityHeaders,
  problemCode,
  refusalProblem,
  SECURITY_HEADERS,
  send,
} from './responses.ts';
export {
  fillParams,
  isOperationalRoute,
  openApiRoutes,
  paramNames,
  registeredRoutes,
  routeKey,
} from './routes.ts';
export { changedCollections, type DbFingerprint, fingerprintOf } from './snapshot.ts';
export type { HostileRequest, InjectableApp, RouteRef, SeenResponse, StreamedResponse } from './types.ts';
export {
  deeplyNestedArray,
  deeplyNestedObject,
  HOSTILE_KEYS,
  HOSTILE_STRINGS,
  INVALID_UTF8,
  MALFORMED_JSON,
  MONGO_OPERATOR_VALUES,
  WRONG_CONTENT_TYPES,
} from './values.ts';
