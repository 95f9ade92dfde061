import { z } from 'zod';
import { entityIdSchema, hsCodeSchema, officeIdSchema, writtenTextSchema } from '../values/identifiers.ts';
import { quantitySchema, quantityUnitSchema } from '../values/quantity.ts';
import { rialAmountSchema, rialsTextSchema } from '../values/rial.ts';
import { utcDateTimeSchema } from '../values/time.ts';
import { lotStatusSchema } from '../vocab/lot-lifecycle.ts';
import { lotCategorySchema } from '../vocab/lots.ts';
import { provinceCodeSchema } from '../vocab/provinces.ts';
import { cursorPageQuerySchema, cursorPageSchema } from './pagination.ts';

/*
 * HTTP bodies of customs-goods lots. Request schemas normalize (rials, HS codes); response schemas
 * describe the canonical output only, without transforms (the serializer encodes through them).
 */

const quantityViewSchema = z.object({ amount: z.number(), unit: quantityUnitSchema });

/** Query strings carry booleans only as `true` / `false`. */
const queryBoolean = z.enum(['true', 'false']).transform((value) => value === 'true');

export const registerLotBodySchema = z.strictObject({
  officeId: officeIdSchema.meta({
    description: 'The customs office or port holding the goods (GET /v1/offices)',
  }),
  description: writtenTextSchema.meta({ description: 'As written; kept unchanged' }),
  hsCode: hsCodeSchema
    .nullable()
    .default(null)
    .meta({ description: 'When known; dots and Persian digits allowed' }),
  quantity: quantitySchema,
  valueRials: rialAmountSchema,
  category: lotCategorySchema,
  caseId: entityIdSchema
    .nullable()
    .default(null)
    .meta({ description: 'The smuggling case the goods belong to, if any' }),
  arrivedAt: utcDateTimeSchema.optional().meta({ description: 'Defaults to now' }),
});
export type RegisterLotBody = z.output<typeof registerLotBodySchema>;

/** Each lifecycle step names its target status and carries the data that step records. */
export const lotTransitionBodySchema = z.discriminatedUnion('to', [
  z.strictObject({
    to: z.literal('held'),
    at: utcDateTimeSchema
      .optional()
      .meta({ description: 'Warehousing time; the abandonment date runs from it' }),
  }),
  z.strictObject({
    to: z.literal('pending_clearance'),
    declarationReference: writtenTextSchema.max(64).optional(),
    at: utcDateTimeSchema.optional(),
  }),
  z.strictObject({ to: z.literal('cleared'), at: utcDateTimeSchema.optional() }),
  z.strictObject({
    to: z.literal('exited'),
    at: utcDateTimeSchema.optional(),
    transit: z
      .strictObject({
        destinationOfficeId: officeIdSchema,
        quantity: quantitySchema.meta({ description: 'Quantity sent' }),
        expectedArrivalAt: utcDateTimeSchema,
      })
      .optional()
      .meta({ description: 'An exit towards another office opens a transit' }),
  }),
  z.strictObject({ to: z.literal('abandoned'), at: utcDateTimeSchema.optional() }),
  z.strictObject({
    to: z.literal('confiscated'),
    at: utcDateTimeSchema.optional(),
    verdictReference: writtenTextSchema.max(64).optional(),
  }),
  z.strictObject({ to: z.literal('transferred_to_property_org'), at: utcDateTimeSchema.optional() }),
  z.strictObject({
    to: z.literal('auctioned'),
    at: utcDateTimeSchema.optional(),
    proceedsRials: rialAmountSchema.optional(),
  }),
  z.strictObject({ to: z.literal('destroyed'), at: utcDateTimeSchema.optional() }),
  z.strictObject({ to: z.literal('returned'), at: utcDateTimeSchema.optional() }),
]);
export type LotTransitionBody = z.output<typeof lotTransitionBodySchema>;

export const extendAbandonmentBodySchema = z.strictObject({
  days: z
    .int()
    .min(1)
    .max(62)
    .meta({ description: 'Days added to the abandonment date; once per lot, at most 2 months in all' }),
});

const caseVerdictViewSchema = z.object({
  outcome: z.enum(['convicted', 'acquitted', 'dismissed']),
  goodsConfiscated: z.boolean(),
  verdictReference: z.string(),
  issuedAt: z.string(),
});

export const lotTransitViewSchema = z
  .object({
    transitId: z.string(),
    lotId: z.string(),
    state: z.enum(['open', 'closed']),
    origin: z.object({ officeId: z.string(), province: provinceCodeSchema }),
    destination: z.object({ officeId: z.string(), province: provinceCodeSchema }),
    quantityAtExit: quantityViewSchema,
    quantityAtArrival: quantityViewSchema.nullable(),
    exitedAt: z.string(),
    expectedArrivalAt: z.string(),
    arrivedAt: z.string().nullable(),
    overdue: z.boolean().meta({ description: 'Open past its expected arrival' }),
    discrepancy: z
      .object({ direction: z.enum(['shortage', 'excess']), difference: quantityViewSchema })
      .nullable(),
  })
  .meta({ id: 'Transit' });
export type LotTransitView = z.output<typeof lotTransitViewSchema>;

export const lotViewSchema = z
  .object({
    id: z.string(),
    version: z.int().min(1),
    status: lotStatusSchema,
    officeId: z.string(),
    province: provinceCodeSchema,
    description: z.string(),
    hsCode: z.string().nullable(),
    category: lotCategorySchema,
    quantity: quantityViewSchema,
    valueRials: rialsTextSchema,
    caseId: z.string().nullable(),
    arrivedAt: z.string(),
    registeredAt: z.string(),
    heldSince: z.string().nullable().meta({ description: 'First time the lot was held; dwell runs from it' }),
    abandonmentDueAt: z
      .string()
      .nullable()
      .meta({ description: 'Set at warehousing (3 Solar Hijri months)' }),
    abandonmentExtended: z.boolean(),
    pastAbandonment: z.boolean().meta({ description: 'Held past its abandonment date right now' }),
    dwellDays: z
      .number()
      .nullable()
      .meta({ description: 'Whole days since first held, until a final state' }),
    terminalAt: z.string().nullable(),
    caseVerdict: caseVerdictViewSchema.nullable(),
    transit: lotTransitViewSchema.nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Lot' });
export type LotView = z.output<typeof lotViewSchema>;

export const lotListQuerySchema = cursorPageQuerySchema.extend({
  officeId: officeIdSchema.optional(),
  province: provinceCodeSchema.optional(),
  status: lotStatusSchema.optional(),
  category: lotCategorySchema.optional(),
  caseId: entityIdSchema.optional(),
  minDwellDays: z.coerce
    .number()
    .int()
    .min(0)
    .max(36500)
    .optional()
    .meta({ description: 'Lots not in a final state, held at least this many days' }),
  pastAbandonment: queryBoolean
    .optional()
    .meta({ description: 'true: held past the abandonment date; false: not past it' }),
});
export type LotListQuery = z.output<typeof lotListQuerySchema>;

export const lotPageSchema = cursorPageSchema(lotViewSchema);
