export { DEFAULT_RATE, defaultMix, generatePlan } from './plan/generate.ts';
export { resolveRequest, UnresolvedHandleError } from './plan/templates.ts';
export type {
  BodyTemplate,
  HandleRef,
  IdField,
  Plan,
  PlannedRequest,
  PlanOptions,
  StoryKind,
  TemplateValue,
  TimeRef,
} from './plan/types.ts';
export {
  allScopesOf,
  type SimulatorPrincipal,
  type SimulatorPrincipalName,
  simulatorPrincipalNames,
  simulatorPrincipals,
} from './principals.ts';
export { Random } from './random.ts';
export type { NotificationReadError, NotificationReport } from './run/notifications.ts';
export {
  type FailureExample,
  type RequestCounts,
  type RunOptions,
  type RunProgress,
  type RunSummary,
  runPlan,
} from './run/run-plan.ts';
export type { Latency, RouteTally } from './run/tally.ts';
