import type { AnyEvent } from '@enforcement/contracts';
import { factsFrom } from '../../src/domain/event-facts.ts';
import { contextOf, type JudgeDeps, judgeSubject } from '../../src/events/judge.ts';
import type { TestApp } from './app.ts';

type Handler = (event: AnyEvent) => ReturnType<typeof factsFrom.caseClosed> | null;

/** The fact update a handler would make of an event (the consumer itself is tested in consumer.test.ts). */
const updateOf: Handler = (event) => {
  switch (event.type) {
    case 'case.registered':
      return factsFrom.caseRegistered(event);
    case 'case.verdict_issued':
      return factsFrom.verdictIssued(event);
    case 'case.execution_started':
      return factsFrom.executionStarted(event);
    case 'case.assets_seized':
      return factsFrom.assetsSeized(event);
    case 'case.closed':
      return factsFrom.caseClosed(event);
    case 'unit.officer_deployed':
      return factsFrom.officerDeployed(event);
    case 'goods.status_changed':
      return factsFrom.lotStatusChanged(event);
    case 'goods.transit_opened':
      return factsFrom.transitOpened(event);
    case 'goods.transit_closed':
      return factsFrom.transitClosed(event);
    case 'goods.transit_discrepancy':
      return factsFrom.transitDiscrepancy(event);
    default:
      return null;
  }
};

/** Judges events as the handlers do, against the test's database. */
export async function feed(t: TestApp | { judgeDeps: JudgeDeps }, ...events: AnyEvent[]): Promise<void> {
  for (const event of events) {
    const update = updateOf(event);
    if (update === null) throw new Error(`feed does not know ${event.type}`);
    await judgeSubject(t.judgeDeps, update, contextOf(event));
  }
}
