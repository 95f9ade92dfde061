import { z } from 'zod';
import { entityIdSchema, writtenTextSchema } from '../values/identifiers.ts';
import { utcDateTimeSchema } from '../values/time.ts';
import { handlingAuthoritySchema } from '../vocab/cases.ts';
import { provinceCodeSchema } from '../vocab/provinces.ts';
import { cursorPageQuerySchema, cursorPageSchema } from './pagination.ts';

/** HTTP bodies of verdict-execution units and their rosters of trained police officers. */

export const registerExecutionUnitBodySchema = z.strictObject({
  kind: handlingAuthoritySchema.meta({ description: 'prosecutor (prosecution office) or tazirat' }),
  province: provinceCodeSchema,
  name: writtenTextSchema,
});

export const deployOfficerBodySchema = z.strictObject({
  officerId: entityIdSchema.meta({ description: 'Police personnel number' }),
  officerName: writtenTextSchema,
  startsAt: utcDateTimeSchema,
  endsAt: utcDateTimeSchema
    .nullable()
    .default(null)
    .meta({ description: 'Planned end; null when open-ended' }),
});

export const releaseOfficerBodySchema = z.strictObject({
  releasedAt: utcDateTimeSchema.optional().meta({ description: 'Defaults to now' }),
});

export const officerDeploymentViewSchema = z.object({
  deploymentId: z.string(),
  officerId: z.string(),
  officerName: z.string(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  releasedAt: z.string().nullable(),
});

export const executionUnitViewSchema = z
  .object({
    id: z.string(),
    version: z.int().min(1),
    kind: handlingAuthoritySchema,
    province: provinceCodeSchema,
    name: z.string(),
    registeredAt: z.string(),
    currentOfficers: z.array(officerDeploymentViewSchema).meta({ description: 'Deployed now, not released' }),
    casesInExecution: z.int().min(0),
  })
  .meta({ id: 'ExecutionUnit' });
export type ExecutionUnitView = z.output<typeof executionUnitViewSchema>;

export const executionUnitListQuerySchema = cursorPageQuerySchema.extend({
  province: provinceCodeSchema.optional(),
  kind: handlingAuthoritySchema.optional(),
});

export const executionUnitPageSchema = cursorPageSchema(executionUnitViewSchema);
