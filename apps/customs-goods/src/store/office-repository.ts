import type { Collection, Db, Filter } from 'mongodb';
import type { Office, OfficeSeed } from '../domain/offices.ts';

interface OfficeDocument extends Omit<Office, 'id'> {
  _id: string;
}

export interface OfficeListFilter {
  province?: string | undefined;
  kind?: string | undefined;
  afterId?: string | undefined;
  limit: number;
}

function officeFrom(document: OfficeDocument): Office {
  const { _id, ...rest } = document;
  return { id: _id, ...rest };
}

export const OFFICES_COLLECTION = 'offices';

/** Reference data: customs offices and ports with their province; seeded at start, kept by admins. */
export class OfficeRepository {
  readonly #offices: Collection<OfficeDocument>;

  constructor(db: Db) {
    this.#offices = db.collection<OfficeDocument>(OFFICES_COLLECTION);
  }

  async ensureIndexes(): Promise<void> {
    await this.#offices.createIndexes([
      { key: { province: 1, _id: 1 }, name: 'by_province' },
      { key: { kind: 1, _id: 1 }, name: 'by_kind' },
    ]);
  }

  /** Adds the seed offices that are missing; an admin's later changes are never overwritten. */
  async seed(offices: readonly OfficeSeed[], now: Date): Promise<void> {
    await Promise.all(
      offices.map(({ id, ...office }) =>
        this.#offices.updateOne(
          { _id: id },
          { $setOnInsert: { ...office, active: true, updatedAt: now } },
          { upsert: true },
        ),
      ),
    );
  }

  async findById(id: string): Promise<Office | null> {
    const document = await this.#offices.findOne({ _id: id });
    return document === null ? null : officeFrom(document);
  }

  /** Creates or replaces one office; true when it was new. */
  async put(office: Office): Promise<boolean> {
    const { id, ...rest } = office;
    const result = await this.#offices.replaceOne({ _id: id }, rest, { upsert: true });
    return result.upsertedCount === 1;
  }

  async list(filter: OfficeListFilter): Promise<{ items: Office[]; more: boolean }> {
    const query: Filter<OfficeDocument> = {
      ...(filter.province === undefined ? {} : { province: filter.province as OfficeDocument['province'] }),
      ...(filter.kind === undefined ? {} : { kind: filter.kind as OfficeDocument['kind'] }),
      ...(filter.afterId === undefined ? {} : { _id: { $gt: filter.afterId } }),
    };
    const documents = await this.#offices
      .find(query)
      .sort({ _id: 1 })
      .limit(filter.limit + 1)
      .toArray();
    return { items: documents.slice(0, filter.limit).map(officeFrom), more: documents.length > filter.limit };
  }
}
