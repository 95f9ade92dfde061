import { z } from 'zod';
import {
  currencyAmountSchema,
  currencyCodeSchema,
  hsCodeSchema,
  writtenTextSchema,
} from '../values/identifiers.ts';
import { nationalIdSchema } from '../values/national-id.ts';
import { quantitySchema } from '../values/quantity.ts';
import { rialAmountSchema } from '../values/rial.ts';
import { partyRoleSchema } from '../vocab/cases.ts';

/** A person in a case; the national ID is absent for foreign nationals or when not yet known. */
export const personPartySchema = z.object({
  kind: z.literal('person'),
  role: partyRoleSchema,
  fullName: writtenTextSchema,
  nationalId: nationalIdSchema.nullable(),
});

/** A company in a case; its national company ID (شناسه ملی) is 11 digits. */
export const companyPartySchema = z.object({
  kind: z.literal('company'),
  role: partyRoleSchema,
  name: writtenTextSchema,
  nationalCompanyId: z
    .string()
    .regex(/^[0-9]{11}$/, 'a national company ID is 11 digits')
    .nullable(),
});

export const casePartySchema = z.discriminatedUnion('kind', [personPartySchema, companyPartySchema]);

/** Goods or fuel found at discovery, valued in rials. */
export const seizedGoodsSchema = z.object({
  kind: z.literal('goods'),
  description: writtenTextSchema,
  hsCode: hsCodeSchema.nullable(),
  quantity: quantitySchema,
  estimatedValueRials: rialAmountSchema,
});

/** Foreign currency found at discovery: the amount in its own currency and its rial estimate. */
export const seizedCurrencySchema = z.object({
  kind: z.literal('currency'),
  currencyCode: currencyCodeSchema,
  amount: currencyAmountSchema,
  estimatedValueRials: rialAmountSchema,
});

export const seizedItemSchema = z.discriminatedUnion('kind', [seizedGoodsSchema, seizedCurrencySchema]);
