import { type Collection, type Db, MongoServerError } from 'mongodb';
import { type RulesConfig, rulesConfigSchema } from '../domain/rules-config.ts';

const DUPLICATE_KEY = 11000;
/** Concurrent saves retry on a fresh read; this many losses in a row means something is wrong. */
const MAX_REPLACE_ATTEMPTS = 20;

interface RulesDocument {
  _id: 'current';
  rules: RulesConfig;
  version: number;
  updatedAt: Date;
}

/** Who changed the rules, when, from what to what: every change is kept. */
export interface RuleChange {
  version: number;
  before: RulesConfig;
  after: RulesConfig;
  by: { keyId: string; agency: string };
  at: Date;
}

/** The thresholds in force, shared by every replica, with an audit trail in `rule_changes`. */
export class RulesStore {
  readonly #rules: Collection<RulesDocument>;
  readonly changes: Collection<RuleChange>;

  constructor(db: Db) {
    this.#rules = db.collection<RulesDocument>('rule_settings');
    this.changes = db.collection<RuleChange>('rule_changes');
  }

  /** The rules at start come from the file (or the defaults) only when none were set before. */
  async seed(initial: RulesConfig, now: Date): Promise<void> {
    await this.#rules.updateOne(
      { _id: 'current' },
      { $setOnInsert: { rules: initial, version: 1, updatedAt: now } },
      { upsert: true },
    );
  }

  async current(): Promise<{ rules: RulesConfig; version: number }> {
    const document = await this.#rules.findOne({ _id: 'current' });
    // Stored rules were validated when written; parsing fills defaults of fields added since.
    return document === null
      ? { rules: rulesConfigSchema.parse({}), version: 0 }
      : { rules: rulesConfigSchema.parse(document.rules), version: document.version };
  }

  /**
   * Replaces the rules as a compare-and-set on the version read, so two admins saving at once both
   * get their own version and audit entry (the later one wins), never one version twice.
   */
  async replace(
    next: RulesConfig,
    by: RuleChange['by'],
    now: Date,
  ): Promise<{ rules: RulesConfig; version: number }> {
    for (let attempt = 0; attempt < MAX_REPLACE_ATTEMPTS; attempt += 1) {
      // The stored rules as they are, not parsed: rules that no longer parse (edited by hand, or
      // written before a constraint was tightened) are what a replacement must be able to repair,
      // and the audit keeps them as they were.
      const stored = await this.#rules.findOne({ _id: 'current' });
      const before = stored ?? { rules: rulesConfigSchema.parse({}), version: 0 };
      const version = before.version + 1;
      const written = await this.#rules
        .updateOne(
          { _id: 'current', version: before.version },
          { $set: { rules: next, version, updatedAt: now } },
          // Only the very first write (no document yet, version 0) may insert it.
          { upsert: before.version === 0 },
        )
        .catch((error: unknown) => {
          if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) return null;
          throw error;
        });
      if (written !== null && (written.modifiedCount === 1 || written.upsertedCount === 1)) {
        await this.changes.insertOne({ version, before: before.rules, after: next, by, at: now });
        return { rules: next, version };
      }
    }
    throw new Error(`rules changed ${MAX_REPLACE_ATTEMPTS} times while being replaced; try again`);
  }
}
