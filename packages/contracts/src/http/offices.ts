import { z } from 'zod';
import { officeIdSchema } from '../values/identifiers.ts';
import { provinceCodeSchema } from '../vocab/provinces.ts';
import { cursorPageQuerySchema, cursorPageSchema } from './pagination.ts';

/** What an office is: a customs office, a port or a land border crossing. */
export const officeKindSchema = z.enum(['customs_office', 'port', 'border_crossing']);
export type OfficeKind = z.output<typeof officeKindSchema>;

/** An admin's create-or-replace of one office (`PUT /v1/offices/{id}`). */
export const putOfficeBodySchema = z.strictObject({
  province: provinceCodeSchema,
  kind: officeKindSchema,
  fa: z.string().trim().min(1).max(200),
  en: z.string().trim().min(1).max(200),
  active: z.boolean().default(true).meta({ description: 'Inactive offices take no new lots' }),
});
export type PutOfficeBody = z.output<typeof putOfficeBodySchema>;

export const officeViewSchema = z
  .object({
    id: officeIdSchema,
    province: provinceCodeSchema,
    kind: officeKindSchema,
    fa: z.string(),
    en: z.string(),
    active: z.boolean(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Office' });
export type OfficeView = z.output<typeof officeViewSchema>;

export const officeListQuerySchema = cursorPageQuerySchema.extend({
  province: provinceCodeSchema.optional(),
  kind: officeKindSchema.optional(),
});

export const officePageSchema = cursorPageSchema(officeViewSchema);
