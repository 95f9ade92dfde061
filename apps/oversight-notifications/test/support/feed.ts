import type { AnyEvent } from '@enforcement/contracts';
import { factUpdateOf } from '../../src/domain/event-facts.ts';
import { contextOf, type JudgeDeps, judgeSubject } from '../../src/events/judge.ts';
import type { TestApp } from './app.ts';

/** Judges events as the handlers do, against the test's database (the consumer itself is tested in consumer.test.ts). */
export async function feed(t: TestApp | { judgeDeps: JudgeDeps }, ...events: AnyEvent[]): Promise<void> {
  for (const event of events) {
    const update = factUpdateOf(event);
    if (update === null) throw new Error(`feed does not know ${event.type}`);
    await judgeSubject(t.judgeDeps, update, contextOf(event));
  }
}
