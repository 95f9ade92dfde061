import type { EventHandler } from '@enforcement/messaging';
import { onAssetsSeized } from './handlers/on-assets-seized.ts';
import { onCaseClosed } from './handlers/on-case-closed.ts';
import { onCaseRegistered } from './handlers/on-case-registered.ts';
import { onExecutionStarted } from './handlers/on-execution-started.ts';
import { onLotRegistered } from './handlers/on-lot-registered.ts';
import { onLotStatusChanged } from './handlers/on-lot-status-changed.ts';
import { onOfficerDeployed } from './handlers/on-officer-deployed.ts';
import { onOfficerReleased } from './handlers/on-officer-released.ts';
import {
  onResolutionCompleted,
  onResolutionCreated,
  type ResolutionWatchDeps,
} from './handlers/on-resolution-written.ts';
import { onTransitClosed } from './handlers/on-transit-closed.ts';
import { onTransitDiscrepancy } from './handlers/on-transit-discrepancy.ts';
import { onTransitOpened } from './handlers/on-transit-opened.ts';
import { onVerdictIssued } from './handlers/on-verdict-issued.ts';
import type { JudgeDeps } from './judge.ts';

/** Every event the service listens to, in one place: one queue, one handler each. */
export function watchedEventHandlers(deps: JudgeDeps & ResolutionWatchDeps): EventHandler[] {
  return [
    onCaseRegistered(deps),
    onVerdictIssued(deps),
    onExecutionStarted(deps),
    onAssetsSeized(deps),
    onCaseClosed(deps),
    onOfficerDeployed(deps),
    onOfficerReleased(deps),
    onLotRegistered(deps),
    onLotStatusChanged(deps),
    onTransitOpened(deps),
    onTransitClosed(deps),
    onTransitDiscrepancy(deps),
    onResolutionCreated(deps),
    onResolutionCompleted(deps),
  ];
}
