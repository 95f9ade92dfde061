import type { CaseStatsRow } from '@enforcement/contracts';
import { type Snapshot, Snapshots } from '@enforcement/service-kit';
import type { CaseVisibility } from '../domain/access.ts';
import type { CaseRepository } from './case-repository.ts';

/**
 * The caseload report as a read model: computing it reads every case its scope shows, and dashboards
 * poll it, so each scope's report is kept for `maxAgeMs` (see service-kit's Snapshots). A scope is
 * the whole filter (province limit and involved agency): callers who see different cases never share
 * a snapshot, and the same rows are never filtered again for a narrower caller.
 */
export class CaseStatsSnapshots {
  readonly #cases: CaseRepository;
  readonly #snapshots: Snapshots;

  constructor(cases: CaseRepository, maxAgeMs: number) {
    this.#cases = cases;
    this.#snapshots = new Snapshots(maxAgeMs);
  }

  /** The report of `scope` at `now`, or one at most maxAgeMs older. */
  report(now: Date, scope: CaseVisibility): Promise<Snapshot<CaseStatsRow[]>> {
    const key = JSON.stringify(['cases', scope.province ?? null, scope.involvedAgency ?? null]);
    return this.#snapshots.get(key, now, (at) => this.#cases.stats(scope, at));
  }
}
