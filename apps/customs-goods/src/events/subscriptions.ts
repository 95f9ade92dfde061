import type { EventHandler } from '@enforcement/messaging';
import { onVerdictIssued, type VerdictHandlerDeps } from './on-verdict-issued.ts';

/** Every event the service listens to, in one place. */
export function caseEventHandlers(deps: VerdictHandlerDeps): EventHandler[] {
  return [onVerdictIssued(deps)];
}
