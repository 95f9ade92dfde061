import { z } from 'zod';
import { entityIdSchema, referenceNumberSchema, writtenTextSchema } from '../values/identifiers.ts';
import { rialAmountSchema } from '../values/rial.ts';
import { utcDateTimeSchema } from '../values/time.ts';
import { agencyCodeSchema } from '../vocab/agencies.ts';
import { caseStatusSchema } from '../vocab/case-lifecycle.ts';
import {
  caseCategorySchema,
  caseClosureReasonSchema,
  handlingAuthoritySchema,
  seizedAssetKindSchema,
  verdictOutcomeSchema,
} from '../vocab/cases.ts';
import { provinceCodeSchema } from '../vocab/provinces.ts';
import { casePartySchema, seizedItemSchema } from './case-parts.ts';
import { defineEvent } from './define.ts';

export const caseRegisteredV1 = defineEvent({
  type: 'case.registered',
  version: 1,
  subjectKind: 'case',
  producer: 'case-intake',
  description: 'A smuggling case was registered from a discovering agency report',
  payload: z.object({
    caseId: entityIdSchema,
    category: caseCategorySchema,
    discoveringAgency: agencyCodeSchema,
    discoveryReference: referenceNumberSchema.meta({
      description: "The discovering agency's own reference number, digits and letters normalized",
    }),
    province: provinceCodeSchema,
    handlingAuthority: handlingAuthoritySchema,
    parties: z.array(casePartySchema),
    seizedItems: z.array(seizedItemSchema),
    totalEstimatedValueRials: rialAmountSchema,
    discoveredAt: utcDateTimeSchema,
    registeredAt: utcDateTimeSchema,
  }),
});

export const caseAssignedV1 = defineEvent({
  type: 'case.assigned',
  version: 1,
  subjectKind: 'case',
  producer: 'case-intake',
  description: "A case was assigned to a prosecution or Ta'zirat branch and is under investigation",
  payload: z.object({
    caseId: entityIdSchema,
    handlingAuthority: handlingAuthoritySchema,
    province: provinceCodeSchema,
    branch: z.object({ id: entityIdSchema, name: writtenTextSchema }),
    assignedAt: utcDateTimeSchema,
  }),
});

export const caseVerdictIssuedV1 = defineEvent({
  type: 'case.verdict_issued',
  version: 1,
  subjectKind: 'case',
  producer: 'case-intake',
  description: 'A verdict was issued: outcome, fine in rials and whether seized goods are confiscated',
  payload: z.object({
    caseId: entityIdSchema,
    category: caseCategorySchema,
    province: provinceCodeSchema,
    handlingAuthority: handlingAuthoritySchema,
    verdictReference: referenceNumberSchema,
    outcome: verdictOutcomeSchema,
    fineRials: rialAmountSchema.meta({ description: 'Fine imposed; "0" when acquitted or dismissed' }),
    goodsConfiscated: z.boolean(),
    issuedAt: utcDateTimeSchema,
  }),
});

export const caseExecutionStartedV1 = defineEvent({
  type: 'case.execution_started',
  version: 1,
  subjectKind: 'case',
  producer: 'case-intake',
  description: "Execution of a verdict started at a prosecution-office or Ta'zirat execution unit",
  payload: z.object({
    caseId: entityIdSchema,
    province: provinceCodeSchema,
    executionUnit: z.object({ id: entityIdSchema, kind: handlingAuthoritySchema }),
    fineRials: rialAmountSchema,
    startedAt: utcDateTimeSchema,
  }),
});

export const caseAssetsSeizedV1 = defineEvent({
  type: 'case.assets_seized',
  version: 1,
  subjectKind: 'case',
  producer: 'case-intake',
  description: 'Assets of the convicted party were seized (قبض اموال) to execute the verdict',
  payload: z.object({
    caseId: entityIdSchema,
    province: provinceCodeSchema,
    executionUnitId: entityIdSchema,
    assets: z
      .array(
        z.object({
          kind: seizedAssetKindSchema,
          description: writtenTextSchema,
          valueRials: rialAmountSchema,
        }),
      )
      .min(1),
    totalValueRials: rialAmountSchema,
    seizedAt: utcDateTimeSchema,
  }),
});

export const caseClosedV1 = defineEvent({
  type: 'case.closed',
  version: 1,
  subjectKind: 'case',
  producer: 'case-intake',
  description: 'A case was closed: dismissed, acquitted, nothing to collect, fine paid or assets seized',
  payload: z.object({
    caseId: entityIdSchema,
    province: provinceCodeSchema,
    previousStatus: caseStatusSchema.exclude(['closed']),
    reason: caseClosureReasonSchema,
    closedAt: utcDateTimeSchema,
  }),
});

export const caseNoteAddedV1 = defineEvent({
  type: 'case.note_added',
  version: 1,
  subjectKind: 'case',
  producer: 'case-intake',
  description: 'An agency added a note to a case file',
  payload: z.object({
    caseId: entityIdSchema,
    noteId: entityIdSchema,
    authorAgency: agencyCodeSchema,
    text: writtenTextSchema.meta({ description: 'The note as written, not normalized' }),
    addedAt: utcDateTimeSchema,
  }),
});
