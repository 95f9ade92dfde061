import { handles } from '@enforcement/messaging';
import type { ResolutionStore } from '../../store/resolution-store.ts';
import { contextOf } from '../judge.ts';
import { type WatchResolutionDeps, watchResolution } from '../watch-resolution.ts';

export interface ResolutionWatchDeps extends WatchResolutionDeps {
  resolutions: ResolutionStore;
  now: () => Date;
}

/**
 * The service's own resolution events, back through the broker: the routes already brought the
 * obligation in line after writing, and these repeat it (idempotently) from the outbox, so a crash
 * between the resolution's write and its obligation's leaves nothing unwatched.
 */
async function rewatch(
  deps: ResolutionWatchDeps,
  resolutionId: string,
  event: Parameters<typeof contextOf>[0],
) {
  const resolution = await deps.resolutions.findById(resolutionId);
  if (resolution === null) return;
  await watchResolution(deps, resolution, contextOf(event), deps.now());
}

/** oversight.resolution_created: opens its `resolution_overdue` obligation if the route did not. */
export function onResolutionCreated(deps: ResolutionWatchDeps) {
  return handles('oversight.resolution_created', 1, async (event) => {
    await rewatch(deps, event.payload.resolutionId, event);
  });
}

/** oversight.resolution_completed: meets its obligation and reviews the assignee's overdue count. */
export function onResolutionCompleted(deps: ResolutionWatchDeps) {
  return handles('oversight.resolution_completed', 1, async (event) => {
    await rewatch(deps, event.payload.resolutionId, event);
  });
}
