import { z } from 'zod';
import { entityIdSchema, writtenTextSchema } from '../values/identifiers.ts';
import { utcDateTimeSchema } from '../values/time.ts';
import { handlingAuthoritySchema } from '../vocab/cases.ts';
import { provinceCodeSchema } from '../vocab/provinces.ts';
import { defineEvent } from './define.ts';

/** An execution unit belongs to a prosecution office or to Ta'zirat, in one province. */
const executionUnitFields = {
  unitId: entityIdSchema,
  unitKind: handlingAuthoritySchema,
  province: provinceCodeSchema,
};

export const unitOfficerDeployedV1 = defineEvent({
  type: 'unit.officer_deployed',
  version: 1,
  subjectKind: 'execution_unit',
  producer: 'case-intake',
  description: 'A trained police officer was deployed to a verdict-execution unit',
  payload: z.object({
    ...executionUnitFields,
    deploymentId: entityIdSchema,
    officerId: entityIdSchema.meta({ description: 'Police personnel number' }),
    officerName: writtenTextSchema,
    startsAt: utcDateTimeSchema,
    endsAt: utcDateTimeSchema
      .nullable()
      .meta({ description: 'Planned end of the deployment; null when open-ended' }),
  }),
});

export const unitOfficerReleasedV1 = defineEvent({
  type: 'unit.officer_released',
  version: 1,
  subjectKind: 'execution_unit',
  producer: 'case-intake',
  description: 'A deployed police officer left a verdict-execution unit',
  payload: z.object({
    ...executionUnitFields,
    deploymentId: entityIdSchema,
    officerId: entityIdSchema,
    releasedAt: utcDateTimeSchema,
    remainingOfficers: z.int().min(0).meta({ description: 'Officers still deployed to the unit' }),
  }),
});
