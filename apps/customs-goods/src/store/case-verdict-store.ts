import type { Collection, Db } from 'mongodb';
import type { CaseVerdict } from '../domain/lot.ts';

interface CaseVerdictDocument extends Omit<CaseVerdict, 'caseId'> {
  _id: string;
  /** The event that brought the verdict, for tracing. */
  eventId: string;
  receivedAt: Date;
}

export const CASE_VERDICTS_COLLECTION = 'case_verdicts';

/**
 * The verdicts of cases, as case-intake announced them, keyed by case: what a lot registered after
 * its case's verdict consults, so the order in which lots and verdicts arrive does not matter. A case
 * has one verdict; the first recorded stands (redeliveries change nothing).
 */
export class CaseVerdictStore {
  readonly #verdicts: Collection<CaseVerdictDocument>;

  constructor(db: Db) {
    this.#verdicts = db.collection<CaseVerdictDocument>(CASE_VERDICTS_COLLECTION);
  }

  async remember(verdict: CaseVerdict, eventId: string, now: Date): Promise<CaseVerdict> {
    const { caseId, ...fields } = verdict;
    await this.#verdicts.updateOne(
      { _id: caseId },
      { $setOnInsert: { ...fields, eventId, receivedAt: now } },
      { upsert: true },
    );
    return (await this.find(caseId)) ?? verdict;
  }

  async find(caseId: string): Promise<CaseVerdict | null> {
    const document = await this.#verdicts.findOne({ _id: caseId });
    if (document === null) return null;
    const { _id, eventId: _event, receivedAt: _received, ...fields } = document;
    return { caseId: _id, ...fields };
  }
}
