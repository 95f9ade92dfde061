import { randomUUID } from 'node:crypto';
import type { Severity } from '@enforcement/contracts';
import type { Notification } from '../../src/domain/notification.ts';
import { raisedEvent, resolvedEvent } from '../../src/events/notification-events.ts';
import type { TestApp } from './app.ts';

const context = { correlationId: 'corr-feeds', causationId: null };

/** What a feed test varies on a notification; the rest is a plausible case-determination notice. */
export interface FeedFields {
  audiences: string[];
  severity?: Severity;
  ruleId?: string;
  province?: string;
}

/** Raises a notification straight through the store (as the sweep does), with its change number. */
export async function raiseNotification(t: TestApp, fields: FeedFields): Promise<Notification> {
  const id = `feed-${randomUUID()}`;
  const now = t.clock.now;
  const raised = await t.stores.notifications.raise(
    (seq) => ({
      id,
      seq,
      ruleId: fields.ruleId ?? 'case_determination_sla',
      subjectKey: `case:${id}`,
      subject: { kind: 'case', id },
      province: fields.province ?? 'khuzestan',
      responsibleAgency: 'prosecutor',
      severity: fields.severity ?? 'warning',
      level: 0,
      audiences: fields.audiences,
      title: { fa: 'تأخیر در تعیین تکلیف پرونده', en: 'Case not determined in time' },
      text: { fa: 'پرونده در مهلت تعیین تکلیف نشد', en: 'The case was not determined in time' },
      dueAt: now,
      raisedAt: now,
      escalateAt: null,
      inspectionJoinsAt: null,
      state: 'open',
      acknowledgements: [],
      resolution: null,
      resolvedAt: null,
    }),
    (stored) => raisedEvent(stored, context),
    now,
  );
  if (raised === null) throw new Error(`notification ${id} was not raised`);
  return raised;
}

/** Resolves a notification (its obligation met): a new change, with a new change number. */
export async function resolveNotification(t: TestApp, n: Notification): Promise<void> {
  const now = t.clock.now;
  const done = await t.stores.notifications.resolve(
    { ruleId: n.ruleId, subjectKey: n.subjectKey },
    'obligation_met',
    (resolved) => resolvedEvent(resolved, 'obligation_met', context, now),
    now,
  );
  if (!done) throw new Error(`notification ${n.id} was not open`);
}

/**
 * Starts a change of `n` through the sequencer and holds it before its write, so changes taken after
 * it land first: the write commits only when `land` is called. Resolves once the number is reserved.
 */
export async function holdChange(
  t: TestApp,
  n: Notification,
): Promise<{ seq: number; land: () => Promise<void> }> {
  let reserved: (seq: number) => void = () => {};
  const seqTaken = new Promise<number>((resolve) => {
    reserved = resolve;
  });
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const written = t.stores.notifications.seq.around(async (seq) => {
    reserved(seq);
    await gate;
    await t.stores.notifications.collection.updateOne({ _id: n.id }, { $set: { seq, level: 1 } });
  });
  const seq = await seqTaken;
  return {
    seq,
    land: async () => {
      release();
      await written;
    },
  };
}
