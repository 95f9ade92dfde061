import type { AgencyCode, ProvinceCode } from '@enforcement/contracts';
import type { EventContext } from '@enforcement/service-kit';
import type { Filter } from 'mongodb';
import { repeatedOverdueKey, repeatedOverdueNotice, thresholdReachedAt } from '../domain/resolution-rules.ts';
import { raisedEvent, resolvedEvent } from '../events/notification-events.ts';
import type { NotificationDocument, NotificationStore } from '../store/notification-store.ts';
import type { ResolutionStore } from '../store/resolution-store.ts';
import type { RulesStore } from '../store/rules-store.ts';

export interface RepeatedOverdueDeps {
  resolutions: ResolutionStore;
  notifications: NotificationStore;
  rules: RulesStore;
  newId: () => string;
}

/** One agency office: `customs` of `khuzestan`, or national (`province` null). */
export interface AgencyOffice {
  agency: AgencyCode;
  province: ProvinceCode | null;
}

/** Every repeated-overdue notice's subject key starts so (`resolution_overdue|agency:`). */
const NOTICE_KEY_PREFIX = /^resolution_overdue\|agency:/;

async function openNotices(notifications: NotificationStore, only: AgencyOffice | undefined) {
  const key = only === undefined ? undefined : repeatedOverdueKey(only.agency, only.province);
  const filter: Filter<NotificationDocument> = {
    ruleId: 'suspected_dereliction',
    state: 'open',
    subjectKey: key?.subjectKey ?? { $regex: NOTICE_KEY_PREFIX },
  };
  return notifications.collection.find(filter, { projection: { ruleId: 1, subjectKey: 1 } }).toArray();
}

/**
 * Repeated overdue resolutions count towards dereliction (DOMAIN.md): an agency office with at least
 * `overdueResolutionsForDereliction` resolutions overdue at once gets one suspected-dereliction
 * notice to inspection; it resolves once fewer are overdue (completed by the chair). Looks at every
 * office with overdue resolutions, or at `only` one. Answers how many notices it raised.
 */
export async function reviewRepeatedOverdue(
  deps: RepeatedOverdueDeps,
  now: Date,
  context: EventContext,
  only?: AgencyOffice,
): Promise<number> {
  const { rules } = await deps.rules.current();
  const tallies = await deps.resolutions.overdueTallies(now, only);
  const open = new Set((await openNotices(deps.notifications, only)).map((n) => n.subjectKey));
  const stillDue = new Set<string>();
  let raised = 0;
  for (const tally of tallies) {
    if (thresholdReachedAt(tally, rules) === null) continue;
    const { subjectKey } = repeatedOverdueKey(tally.agency, tally.province);
    stillDue.add(subjectKey);
    // Already open: nothing to do (the unique open index would refuse a second one anyway).
    if (open.has(subjectKey)) continue;
    const id = deps.newId();
    const notice = await deps.notifications.raise(
      (seq) => {
        const n = repeatedOverdueNotice(tally, { id, seq }, now, rules);
        if (n === null) throw new Error(`no repeated-overdue notice for ${subjectKey}`);
        return n;
      },
      (stored) => raisedEvent(stored, context),
      now,
    );
    if (notice !== null) raised += 1;
  }
  for (const subjectKey of open) {
    if (stillDue.has(subjectKey)) continue;
    await deps.notifications.resolve(
      { ruleId: 'suspected_dereliction', subjectKey },
      'obligation_met',
      (n) => resolvedEvent(n, 'obligation_met', context, now),
      now,
    );
  }
  return raised;
}
