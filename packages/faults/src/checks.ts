import type { Db } from 'mongodb';
import { type TappedEvent, topicMatches } from './broker-reads.ts';
import { accepted, IN_PROGRESS, type LedgerEntry, maybeApplied } from './ledger.ts';

/** One line of the report: what was expected, what was found, what is missing or duplicated. */
export interface CheckRow {
  check: string;
  expected: number;
  found: number;
  missing: number;
  duplicated: number;
  /** Examples of what is wrong (ids), for the failure message. */
  examples: string[];
}

export interface Databases {
  caseIntake: Db;
  customsGoods: Db;
  oversight: Db;
}

export interface BrokerState {
  /** Every event that crossed the exchange (a copy from the tap queue; redeliveries included). */
  events: TappedEvent[];
  /** Consumer queue → binding keys on the events exchange. */
  bindings: Map<string, string[]>;
  /** Consumer queue → the database holding its inbox. */
  inboxOf: Map<string, Db>;
  /** Messages still in queues other than dead-letter queues and the tap. */
  waiting: { queue: string; messages: number }[];
  /** Dead-lettered messages and the reason header each carries. */
  deadLetters: { queue: string; eventId: string | undefined; reason: string | undefined }[];
}

type Kind = 'case' | 'unit' | 'lot' | 'workgroup' | 'meeting' | 'resolution';

/** What a POST did, read from its route: created an entity of a kind, or changed one. */
interface Classified {
  kind: Kind;
  creates: boolean;
  /** The entity changed (for steps) or created (from the response). */
  id: string | undefined;
  route: string;
}

const ROUTES: { pattern: RegExp; kind: Kind; creates: boolean; route: string }[] = [
  { pattern: /^\/v1\/cases$/, kind: 'case', creates: true, route: 'POST /v1/cases' },
  {
    pattern: /^\/v1\/cases\/([^/]+)\/(transitions|notes)$/,
    kind: 'case',
    creates: false,
    route: 'case step',
  },
  { pattern: /^\/v1\/units$/, kind: 'unit', creates: true, route: 'POST /v1/units' },
  { pattern: /^\/v1\/units\/([^/]+)\/deployments$/, kind: 'unit', creates: false, route: 'unit deployment' },
  { pattern: /^\/v1\/lots$/, kind: 'lot', creates: true, route: 'POST /v1/lots' },
  {
    pattern: /^\/v1\/lots\/([^/]+)\/(transitions|abandonment-extension)$/,
    kind: 'lot',
    creates: false,
    route: 'lot step',
  },
  { pattern: /^\/v1\/transits\/([^/]+)\/arrival$/, kind: 'lot', creates: false, route: 'transit arrival' },
  { pattern: /^\/v1\/workgroups$/, kind: 'workgroup', creates: true, route: 'POST /v1/workgroups' },
  { pattern: /^\/v1\/workgroups\/([^/]+)\/meetings$/, kind: 'meeting', creates: true, route: 'meeting' },
  {
    pattern: /^\/v1\/meetings\/([^/]+)\/resolutions$/,
    kind: 'resolution',
    creates: true,
    route: 'resolution',
  },
  {
    pattern: /^\/v1\/resolutions\/([^/]+)\/(progress|completion)$/,
    kind: 'resolution',
    creates: false,
    route: 'resolution step',
  },
];

const idIn = (response: unknown): string | undefined => {
  const id = (response as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
};

function classify(entry: LedgerEntry, lotOfTransit: Map<string, string>): Classified | undefined {
  const path = entry.path.split('?')[0] ?? '';
  for (const { pattern, kind, creates, route } of ROUTES) {
    const match = pattern.exec(path);
    if (match === null) continue;
    if (creates) return { kind, creates, id: idIn(entry.response), route };
    const target = match[1];
    const id = route === 'transit arrival' && target !== undefined ? lotOfTransit.get(target) : target;
    return { kind, creates, id, route };
  }
  return undefined;
}

const COLLECTIONS: Record<Kind, { db: keyof Databases; collection: string }> = {
  case: { db: 'caseIntake', collection: 'cases' },
  unit: { db: 'caseIntake', collection: 'execution_units' },
  lot: { db: 'customsGoods', collection: 'lots' },
  workgroup: { db: 'oversight', collection: 'workgroups' },
  meeting: { db: 'oversight', collection: 'workgroup_meetings' },
  resolution: { db: 'oversight', collection: 'resolutions' },
};

const OUTBOXES: { db: keyof Databases; collection: string }[] = [
  { db: 'caseIntake', collection: 'cases' },
  { db: 'caseIntake', collection: 'execution_units' },
  { db: 'customsGoods', collection: 'lots' },
  { db: 'oversight', collection: 'notifications' },
  { db: 'oversight', collection: 'resolutions' },
];

/** The event each accepted creation implies, once per created entity. */
const CREATION_EVENTS: Partial<Record<Kind, string>> = {
  case: 'case.registered',
  lot: 'goods.lot_registered',
  resolution: 'oversight.resolution_created',
};

/** Event types a subject has at most once: a second id would be a duplicated change. */
const ONCE_PER_SUBJECT = new Set([
  'case.registered',
  'case.verdict_issued',
  'case.execution_started',
  'case.assets_seized',
  'case.closed',
  'goods.lot_registered',
  'oversight.notification_raised',
  'oversight.resolution_created',
  'oversight.resolution_completed',
]);

function row(
  check: string,
  expected: number,
  found: number,
  missing: string[],
  duplicated: string[],
): CheckRow {
  return {
    check,
    expected,
    found,
    missing: missing.length,
    duplicated: duplicated.length,
    examples: [...missing.map((id) => `missing ${id}`), ...duplicated.map((id) => `duplicated ${id}`)].slice(
      0,
      8,
    ),
  };
}

/**
 * Holds the databases and the broker to the ledger: every accepted POST stored once, every event it
 * implies published once and handled by every consumer bound to it, no duplicated notification,
 * nothing left waiting but dead letters that carry their reason.
 */
export async function runChecks(ledger: readonly LedgerEntry[], dbs: Databases, broker: BrokerState) {
  const rows: CheckRow[] = [];
  const notes: string[] = [];

  // Transit ids belong to the lot whose transition opened them.
  const lotOfTransit = new Map<string, string>();
  for (const entry of ledger) {
    const transitId = (entry.response as { transit?: { transitId?: unknown } } | undefined)?.transit
      ?.transitId;
    const lotId = /^\/v1\/lots\/([^/]+)\/transitions$/.exec(entry.path)?.[1];
    if (accepted(entry) && typeof transitId === 'string' && lotId !== undefined)
      lotOfTransit.set(transitId, lotId);
  }

  const created = new Map<Kind, Set<string>>();
  const steps = new Map<string, { accepted: number; maybe: number }>();
  let unclassified = 0;
  for (const entry of ledger) {
    const what = classify(entry, lotOfTransit);
    if (what === undefined) {
      if (accepted(entry)) unclassified += 1;
      continue;
    }
    if (what.creates && accepted(entry)) {
      if (what.id === undefined) throw new Error(`no id in the answer to ${entry.path}`);
      const ids = created.get(what.kind) ?? new Set<string>();
      ids.add(what.id);
      created.set(what.kind, ids);
    }
    if (!what.creates && what.id !== undefined) {
      const key = `${what.kind}:${what.id}`;
      const counts = steps.get(key) ?? { accepted: 0, maybe: 0 };
      if (accepted(entry)) counts.accepted += 1;
      else if (maybeApplied(entry)) counts.maybe += 1;
      steps.set(key, counts);
    }
  }
  if (unclassified > 0) notes.push(`${unclassified} accepted POSTs of routes the checks do not know`);
  const maybeCreated = new Map<Kind, number>();
  for (const entry of ledger) {
    const what = classify(entry, lotOfTransit);
    if (what?.creates && maybeApplied(entry))
      maybeCreated.set(what.kind, (maybeCreated.get(what.kind) ?? 0) + 1);
  }

  // 1. Every accepted creation stored, exactly once; every accepted step applied exactly once.
  const documents = new Map<Kind, Map<string, { version?: number; caseId?: string | null }>>();
  for (const [kind, { db, collection }] of Object.entries(COLLECTIONS) as [
    Kind,
    (typeof COLLECTIONS)[Kind],
  ][]) {
    const all = await dbs[db]
      .collection<{ _id: string; version?: number; caseId?: string | null }>(collection)
      .find({}, { projection: { _id: 1, version: 1, caseId: 1 } })
      .toArray();
    const byId = new Map(all.map((doc) => [String(doc._id), doc]));
    documents.set(kind, byId);
    const wanted = created.get(kind) ?? new Set<string>();
    const missing = [...wanted].filter((id) => !byId.has(id));
    // Stored without the client having been told: allowed only for requests whose answer was lost.
    const unacknowledged = [...byId.keys()].filter((id) => !wanted.has(id));
    const excess = unacknowledged.length - (maybeCreated.get(kind) ?? 0);
    if (excess > 0) {
      // Evidence: the unexplained documents, and the creations of this kind that were retried.
      const extra = await dbs[db]
        .collection(collection)
        .find({ _id: { $in: unacknowledged as never[] } }, { projection: { outbox: 0, history: 0 } })
        .toArray();
      for (const doc of extra) notes.push(`  unacknowledged ${kind}: ${JSON.stringify(doc).slice(0, 400)}`);
      for (const entry of ledger) {
        const what = classify(entry, lotOfTransit);
        if (what?.kind === kind && what.creates && entry.attempts.length > 1)
          notes.push(
            `  retried ${entry.path} key ${entry.idempotencyKey}: ${entry.attempts.join(' → ')} → ${JSON.stringify(entry.response).slice(0, 200)}`,
          );
      }
    }
    if (unacknowledged.length > 0)
      notes.push(
        `${kind}: ${unacknowledged.length} stored whose creation the client was not told (answer lost)`,
      );
    rows.push(
      row(
        `${kind}s stored (accepted POST)`,
        wanted.size,
        wanted.size - missing.length,
        missing,
        excess > 0 ? unacknowledged : [],
      ),
    );
  }
  for (const kind of ['case', 'lot'] as const) {
    const byId = documents.get(kind) ?? new Map();
    const lost: string[] = [];
    const doubled: string[] = [];
    let expected = 0;
    for (const id of created.get(kind) ?? []) {
      const counts = steps.get(`${kind}:${id}`) ?? { accepted: 0, maybe: 0 };
      const want = 1 + counts.accepted;
      expected += counts.accepted;
      const version = byId.get(id)?.version;
      if (version === undefined) continue;
      if (version < want) lost.push(`${id} (version ${version}, ${want} accepted)`);
      // Verdicts move a case's lots from customs-goods' own handler: only lots without a case are exact.
      const exact = kind === 'case' || !byId.get(id)?.caseId;
      if (exact && version > want + counts.maybe)
        doubled.push(`${id} (version ${version}, ${want} accepted)`);
    }
    rows.push(row(`${kind} steps applied once (versions)`, expected, expected - lost.length, lost, doubled));
  }

  // 2. Events: each implied event published once; each reached every consumer bound to it.
  const distinct = new Map<string, TappedEvent>();
  for (const event of broker.events) distinct.set(event.id, event);
  notes.push(
    `${broker.events.length} event deliveries seen on the exchange, ${distinct.size} distinct event ids`,
  );
  const idsBySubjectType = new Map<string, string[]>();
  for (const event of distinct.values()) {
    const key = `${event.type} ${event.subject.id}`;
    idsBySubjectType.set(key, [...(idsBySubjectType.get(key) ?? []), event.id]);
  }
  for (const [kind, type] of Object.entries(CREATION_EVENTS) as [Kind, string][]) {
    const wanted = [...(created.get(kind) ?? [])];
    const missing = wanted.filter((id) => (idsBySubjectType.get(`${type} ${id}`) ?? []).length === 0);
    rows.push(
      row(
        `${type} published per accepted ${kind}`,
        wanted.length,
        wanted.length - missing.length,
        missing,
        [],
      ),
    );
  }
  const twice = [...idsBySubjectType.entries()]
    .filter(([key, ids]) => ONCE_PER_SUBJECT.has(key.split(' ')[0] ?? '') && ids.length > 1)
    .map(([key]) => key);
  rows.push(
    row('events once per subject (distinct ids)', idsBySubjectType.size, idsBySubjectType.size, [], twice),
  );

  // Cases with a verdict: one verdict event, and customs-goods knows the verdict from it.
  const verdictCases = await dbs.caseIntake
    .collection<{ _id: string }>('cases')
    .find({ verdict: { $exists: true } }, { projection: { _id: 1 } })
    .toArray();
  const knownVerdicts = new Map(
    (
      await dbs.customsGoods
        .collection<{ _id: string; eventId: string }>('case_verdicts')
        .find({}, { projection: { _id: 1, eventId: 1 } })
        .toArray()
    ).map((doc) => [String(doc._id), doc.eventId]),
  );
  const noVerdictEvent = verdictCases
    .map((doc) => String(doc._id))
    .filter((id) => (idsBySubjectType.get(`case.verdict_issued ${id}`) ?? []).length !== 1);
  const notAtCustoms = verdictCases.map((doc) => String(doc._id)).filter((id) => !knownVerdicts.has(id));
  rows.push(
    row(
      'verdicts published (cases with a verdict)',
      verdictCases.length,
      verdictCases.length - noVerdictEvent.length,
      noVerdictEvent,
      [],
    ),
  );
  rows.push(
    row(
      "verdicts in customs-goods' case_verdicts",
      verdictCases.length,
      verdictCases.length - notAtCustoms.length,
      notAtCustoms,
      [],
    ),
  );

  for (const [queue, keys] of broker.bindings) {
    const db = broker.inboxOf.get(queue);
    if (db === undefined) {
      notes.push(`no inbox known for queue ${queue}`);
      continue;
    }
    const routed = [...distinct.values()].filter((event) =>
      keys.some((key) => topicMatches(key, event.routingKey)),
    );
    const records = await db
      .collection<{ consumer: string; eventId: string }>('messaging_inbox')
      .find({ consumer: queue }, { projection: { eventId: 1 } })
      .toArray();
    const seen = new Map<string, number>();
    for (const record of records) seen.set(record.eventId, (seen.get(record.eventId) ?? 0) + 1);
    // A dead-lettered event waits with its reason for an operator: not lost, counted apart below.
    const dead = new Set(
      broker.deadLetters.filter((letter) => letter.queue === `${queue}.dead`).map((letter) => letter.eventId),
    );
    const missing = routed
      .filter((event) => !seen.has(event.id) && !dead.has(event.id))
      .map((event) => `${event.type} ${event.id}`);
    const doubled = [...seen.entries()].filter(([, n]) => n > 1).map(([id]) => id);
    rows.push(
      row(
        `events handled by ${queue} (inbox)`,
        routed.length,
        routed.length - missing.length,
        missing,
        doubled,
      ),
    );
  }

  // 3. Notifications: one open per rule and subject, never two raised at once, each raised once.
  const notifications = await dbs.oversight
    .collection<{
      _id: string;
      ruleId: string;
      subjectKey: string;
      state: string;
      raisedAt: Date;
      resolvedAt: Date | null;
    }>('notifications')
    .find({}, { projection: { ruleId: 1, subjectKey: 1, state: 1, raisedAt: 1, resolvedAt: 1 } })
    .toArray();
  const byRuleSubject = new Map<string, typeof notifications>();
  for (const n of notifications) {
    const key = `${n.ruleId} ${n.subjectKey}`;
    byRuleSubject.set(key, [...(byRuleSubject.get(key) ?? []), n]);
  }
  const overlapping: string[] = [];
  for (const [key, list] of byRuleSubject) {
    const sorted = [...list].sort((a, b) => a.raisedAt.getTime() - b.raisedAt.getTime());
    const open = sorted.filter((n) => n.state === 'open').length;
    const overlaps = sorted.some((n, i) => {
      const next = sorted[i + 1];
      return (
        next !== undefined && (n.resolvedAt === null || n.resolvedAt.getTime() > next.raisedAt.getTime())
      );
    });
    if (open > 1 || overlaps) overlapping.push(key);
  }
  rows.push(
    row(
      'notifications: one at a time per rule+subject',
      byRuleSubject.size,
      byRuleSubject.size,
      [],
      overlapping,
    ),
  );
  const unannounced = notifications
    .map((n) => String(n._id))
    .filter((id) => (idsBySubjectType.get(`oversight.notification_raised ${id}`) ?? []).length === 0);
  rows.push(
    row(
      'notification_raised published per notification',
      notifications.length,
      notifications.length - unannounced.length,
      unannounced,
      [],
    ),
  );

  // 4. Nothing waits but dead letters with a reason.
  const pending: string[] = [];
  for (const { db, collection } of OUTBOXES) {
    const left = await dbs[db].collection(collection).countDocuments({ 'outbox.0': { $exists: true } });
    if (left > 0) pending.push(`${collection}: ${left} documents`);
  }
  rows.push(row('outboxes drained (documents with events)', 0, 0, [], pending));
  rows.push(
    row(
      'queues empty (but dead letters)',
      0,
      0,
      [],
      broker.waiting.filter((q) => q.messages > 0).map((q) => `${q.queue}: ${q.messages}`),
    ),
  );
  const reasonless = broker.deadLetters.filter((dead) => !dead.reason).map((dead) => dead.queue);
  rows.push(
    row('dead letters carry a reason', broker.deadLetters.length, broker.deadLetters.length, [], reasonless),
  );
  const reasons = new Map<string, number>();
  for (const dead of broker.deadLetters)
    reasons.set(`${dead.queue} ${dead.reason}`, (reasons.get(`${dead.queue} ${dead.reason}`) ?? 0) + 1);
  for (const [key, n] of reasons) notes.push(`dead letter: ${key} × ${n}`);

  // Idempotency keys whose first request died with its process stay "in progress" until they expire
  // (IDEMPOTENCY_TTL_MS): a client retrying that key is refused with 409 meanwhile. Reported, not failed.
  let stuck = 0;
  for (const db of Object.values(dbs))
    stuck += await db.collection('idempotency_keys').countDocuments({ response: { $exists: false } });
  const refusedInProgress = ledger.filter((entry) => entry.status === IN_PROGRESS).length;
  notes.push(
    `idempotency keys left "in progress" after the run: ${stuck}; POSTs the client gave up on with 409 in progress: ${refusedInProgress}`,
  );

  return { rows, notes };
}

/** The report as a fixed-width table. */
export function formatTable(rows: readonly CheckRow[]): string {
  const header = ['check', 'expected', 'found', 'missing', 'duplicated'];
  const cells = rows.map((r) => [
    r.check,
    String(r.expected),
    String(r.found),
    String(r.missing),
    String(r.duplicated),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]) =>
    c.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}
