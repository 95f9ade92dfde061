import { isTerminalLotStatus } from '@enforcement/contracts';
import { Long } from 'mongodb';
import type { Lot } from '../domain/lot.ts';
import type { OutboxFields } from './outbox.ts';

/**
 * A lot as stored. The value is int64 so the database sums it; the open transit lives in the lot's
 * own document, so an exit, its transit and their events are one atomic write. Derived fields exist
 * only while they apply, so each "stuck goods" filter is one range scan on a sparse index:
 *   openHeldSince          heldSince while the lot is not in a final state (dwell filter, dwell report)
 *   heldAbandonmentDueAt   abandonmentDueAt while the lot is `held` (past-abandonment filter)
 */
export interface LotDocument extends Omit<Lot, 'id' | 'valueRials'>, OutboxFields {
  _id: string;
  valueRials: Long;
  openHeldSince?: Date;
  heldAbandonmentDueAt?: Date;
}

export type LotState = Omit<LotDocument, '_id' | keyof OutboxFields>;

export const LOT_VIEW_PROJECTION = {
  outbox: 0,
  outboxDueAt: 0,
  outboxLease: 0,
  openHeldSince: 0,
  heldAbandonmentDueAt: 0,
} as const;

/** The derived fields a lot's state implies; the ones it does not are `$unset` on update. */
export function derivedFields(lot: Lot): { openHeldSince?: Date; heldAbandonmentDueAt?: Date } {
  return {
    ...(lot.heldSince !== null && !isTerminalLotStatus(lot.status) ? { openHeldSince: lot.heldSince } : {}),
    ...(lot.status === 'held' && lot.abandonmentDueAt !== null
      ? { heldAbandonmentDueAt: lot.abandonmentDueAt }
      : {}),
  };
}

export function lotState(lot: Lot): LotState {
  const { id: _id, valueRials, ...rest } = lot;
  return { ...rest, valueRials: Long.fromString(valueRials), ...derivedFields(lot) };
}

/** Reads back int64 the driver may hand out as a plain number (small values) or as Long. */
export function rialsText(value: Long | number | bigint): string {
  return typeof value === 'object' ? value.toString() : String(value);
}

export type LotViewDocument = Omit<
  LotDocument,
  keyof OutboxFields | 'openHeldSince' | 'heldAbandonmentDueAt'
>;

export function lotFromDocument(document: LotViewDocument): Lot {
  const { _id, valueRials, ...fields } = document;
  return { ...fields, id: _id, valueRials: rialsText(valueRials) };
}
