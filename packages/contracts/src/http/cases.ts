import { z } from 'zod';
import { casePartySchema, seizedItemSchema } from '../events/case-parts.ts';
import { entityIdSchema, referenceNumberSchema, writtenTextSchema } from '../values/identifiers.ts';
import { quantityUnitSchema } from '../values/quantity.ts';
import { rialAmountSchema, rialsTextSchema } from '../values/rial.ts';
import { utcDateTimeSchema } from '../values/time.ts';
import { agencyCodeSchema } from '../vocab/agencies.ts';
import { caseStatusSchema } from '../vocab/case-lifecycle.ts';
import {
  caseCategorySchema,
  caseClosureReasonSchema,
  handlingAuthoritySchema,
  partyRoleSchema,
  seizedAssetKindSchema,
  verdictOutcomeSchema,
} from '../vocab/cases.ts';
import { provinceCodeSchema } from '../vocab/provinces.ts';
import { cursorPageQuerySchema, cursorPageSchema } from './pagination.ts';

/*
 * HTTP bodies of case-intake. Request schemas normalize (rials, national IDs, reference numbers);
 * response schemas describe the canonical output only and have no transforms, because the
 * serializer encodes responses through them and a one-way transform cannot be encoded.
 */

/** Whole rials as canonical digits, as responses carry them. */

/** A reference number as the agency wrote it; it is normalized for matching and kept as written. */
const writtenReferenceSchema = z
  .string()
  .max(64)
  .refine((reference) => referenceNumberSchema.safeParse(reference).success, {
    error: 'a reference number must not be empty',
  })
  .meta({ description: 'As the agency wrote it (Persian/Arabic digits allowed)' });

export const registerCaseBodySchema = z.strictObject({
  category: caseCategorySchema,
  discoveringAgency: agencyCodeSchema.meta({ description: 'Must be the calling principal’s agency' }),
  discoveryReference: writtenReferenceSchema,
  province: provinceCodeSchema,
  handlingAuthority: handlingAuthoritySchema,
  parties: z.array(casePartySchema).max(200),
  seizedItems: z.array(seizedItemSchema).min(1).max(500),
  discoveredAt: utcDateTimeSchema,
  discoveryPlace: writtenTextSchema.meta({ description: 'Where the find was made, as written' }),
});
export type RegisterCaseBody = z.output<typeof registerCaseBodySchema>;

const partyViewSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('person'),
    role: partyRoleSchema,
    fullName: z.string(),
    nationalId: z.string().nullable(),
  }),
  z.object({
    kind: z.literal('company'),
    role: partyRoleSchema,
    name: z.string(),
    nationalCompanyId: z.string().nullable(),
  }),
]);

const seizedItemViewSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('goods'),
    description: z.string(),
    hsCode: z.string().nullable(),
    quantity: z.object({ amount: z.number(), unit: quantityUnitSchema }),
    estimatedValueRials: rialsTextSchema,
  }),
  z.object({
    kind: z.literal('currency'),
    currencyCode: z.string(),
    amount: z.string(),
    estimatedValueRials: rialsTextSchema,
  }),
]);

const seizedAssetViewSchema = z.object({
  kind: seizedAssetKindSchema,
  description: z.string(),
  valueRials: rialsTextSchema,
});

/** A case as read: registration data, where it stands in the lifecycle, and each step's record. */
export const caseViewSchema = z
  .object({
    id: z.string(),
    version: z.int().min(1).meta({ description: 'Also the ETag; send it back as If-Match' }),
    status: caseStatusSchema,
    category: caseCategorySchema,
    discoveringAgency: agencyCodeSchema,
    discoveryReference: z.string().meta({ description: 'Normalized (ASCII digits, Persian letters)' }),
    discoveryReferenceAsWritten: z.string(),
    province: provinceCodeSchema,
    handlingAuthority: handlingAuthoritySchema,
    parties: z.array(partyViewSchema),
    seizedItems: z.array(seizedItemViewSchema),
    totalEstimatedValueRials: rialsTextSchema,
    discoveredAt: z.string(),
    discoveryPlace: z.string(),
    registeredAt: z.string(),
    determinationDueAt: z.string(),
    overdueForDetermination: z.boolean(),
    updatedAt: z.string(),
    assignment: z
      .object({ branch: z.object({ id: z.string(), name: z.string() }), assignedAt: z.string() })
      .optional(),
    verdict: z
      .object({
        verdictReference: z.string(),
        outcome: verdictOutcomeSchema,
        fineRials: rialsTextSchema,
        goodsConfiscated: z.boolean(),
        issuedAt: z.string(),
      })
      .optional(),
    execution: z
      .object({ executionUnitId: z.string(), unitKind: handlingAuthoritySchema, startedAt: z.string() })
      .optional(),
    assetSeizure: z
      .object({
        assets: z.array(seizedAssetViewSchema),
        totalValueRials: rialsTextSchema,
        seizedAt: z.string(),
      })
      .optional(),
    closure: z.object({ reason: caseClosureReasonSchema, closedAt: z.string() }).optional(),
  })
  .meta({ id: 'Case' });
export type CaseView = z.output<typeof caseViewSchema>;

/** Query strings carry a comma-free single value per filter; booleans only as `true` / `false`. */
const queryBoolean = z.enum(['true', 'false']).transform((value) => value === 'true');

export const caseListQuerySchema = cursorPageQuerySchema.extend({
  status: caseStatusSchema.optional(),
  category: caseCategorySchema.optional(),
  province: provinceCodeSchema.optional(),
  handlingAuthority: handlingAuthoritySchema.optional(),
  discoveringAgency: agencyCodeSchema.optional(),
  registeredFrom: utcDateTimeSchema.optional().meta({ description: 'Registered at or after (inclusive)' }),
  registeredTo: utcDateTimeSchema.optional().meta({ description: 'Registered before (exclusive)' }),
  overdueForDetermination: queryBoolean
    .optional()
    .meta({ description: 'true: open past the determination deadline; false: not overdue' }),
  q: z
    .string()
    .trim()
    .min(2)
    .max(100)
    .optional()
    .meta({ description: 'Matches the start of words in reference numbers and party names (normalized)' }),
});
export type CaseListQuery = z.output<typeof caseListQuerySchema>;

export const casePageSchema = cursorPageSchema(caseViewSchema);

/** Each lifecycle step names its target status and carries the data that step records. */
export const caseTransitionBodySchema = z.discriminatedUnion('to', [
  z.strictObject({
    to: z.literal('under_investigation'),
    branch: z.strictObject({ id: entityIdSchema, name: writtenTextSchema }),
    assignedAt: utcDateTimeSchema.optional(),
  }),
  z.strictObject({
    to: z.literal('verdict_issued'),
    verdictReference: referenceNumberSchema,
    outcome: verdictOutcomeSchema,
    fineRials: rialAmountSchema,
    goodsConfiscated: z.boolean(),
    issuedAt: utcDateTimeSchema.optional(),
  }),
  z.strictObject({
    to: z.literal('in_execution'),
    executionUnitId: entityIdSchema,
    startedAt: utcDateTimeSchema.optional(),
  }),
  z.strictObject({
    to: z.literal('assets_seized'),
    assets: z
      .array(
        z.strictObject({
          kind: seizedAssetKindSchema,
          description: writtenTextSchema,
          valueRials: rialAmountSchema,
        }),
      )
      .min(1)
      .max(200),
    seizedAt: utcDateTimeSchema.optional(),
  }),
  z.strictObject({
    to: z.literal('closed'),
    reason: caseClosureReasonSchema,
    closedAt: utcDateTimeSchema.optional(),
  }),
]);
export type CaseTransitionBody = z.output<typeof caseTransitionBodySchema>;

export const addCaseNoteBodySchema = z.strictObject({
  text: writtenTextSchema.meta({ description: 'Stored as written' }),
});

export const caseHistoryEntrySchema = z
  .object({
    seq: z.int().min(1),
    at: z.string(),
    agency: agencyCodeSchema,
    keyId: z.string().meta({ description: 'The API key that made the change' }),
    change: z.string().meta({ description: 'registered, note_added, or the status moved to' }),
    fromStatus: caseStatusSchema.nullable(),
    toStatus: caseStatusSchema,
    data: z.record(z.string(), z.unknown()).meta({ description: 'What the change recorded' }),
  })
  .meta({ id: 'CaseHistoryEntry' });
export type CaseHistoryEntry = z.output<typeof caseHistoryEntrySchema>;

export const caseHistoryPageSchema = cursorPageSchema(caseHistoryEntrySchema);

export const caseNoteViewSchema = z.object({
  noteId: z.string(),
  caseId: z.string(),
  authorAgency: agencyCodeSchema,
  text: z.string(),
  addedAt: z.string(),
});
