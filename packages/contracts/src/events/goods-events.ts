import { z } from 'zod';
import { entityIdSchema, hsCodeSchema, officeIdSchema, writtenTextSchema } from '../values/identifiers.ts';
import { quantitySchema } from '../values/quantity.ts';
import { rialAmountSchema } from '../values/rial.ts';
import { utcDateTimeSchema } from '../values/time.ts';
import { lotStatusSchema } from '../vocab/lot-lifecycle.ts';
import { lotCategorySchema, transitDiscrepancyDirectionSchema } from '../vocab/lots.ts';
import { provinceCodeSchema } from '../vocab/provinces.ts';
import { defineEvent } from './define.ts';

/** A customs office or port and its province: the two ends of a transit. */
const officeSchema = z.object({ officeId: officeIdSchema, province: provinceCodeSchema });

const transitFields = {
  transitId: entityIdSchema,
  lotId: entityIdSchema,
  origin: officeSchema,
  destination: officeSchema,
  quantityAtExit: quantitySchema,
};

export const goodsLotRegisteredV1 = defineEvent({
  type: 'goods.lot_registered',
  version: 1,
  subjectKind: 'lot',
  producer: 'customs-goods',
  description: 'A lot of goods arrived at a customs office or port and was registered',
  payload: z.object({
    lotId: entityIdSchema,
    officeId: officeIdSchema,
    province: provinceCodeSchema,
    description: writtenTextSchema,
    hsCode: hsCodeSchema.nullable(),
    category: lotCategorySchema,
    quantity: quantitySchema,
    valueRials: rialAmountSchema,
    caseId: entityIdSchema.nullable().meta({ description: 'The smuggling case the lot belongs to, if any' }),
    arrivedAt: utcDateTimeSchema,
  }),
});

export const goodsStatusChangedV1 = defineEvent({
  type: 'goods.status_changed',
  version: 1,
  subjectKind: 'lot',
  producer: 'customs-goods',
  description: 'A lot moved along its lifecycle, e.g. held -> abandoned (متروکه)',
  payload: z.object({
    lotId: entityIdSchema,
    officeId: officeIdSchema,
    province: provinceCodeSchema,
    category: lotCategorySchema,
    from: lotStatusSchema,
    to: lotStatusSchema,
    heldSince: utcDateTimeSchema
      .nullable()
      .meta({ description: 'First time the lot was held; dwell runs from it' }),
    caseId: entityIdSchema.nullable(),
    changedAt: utcDateTimeSchema,
  }),
});

export const goodsTransitOpenedV1 = defineEvent({
  type: 'goods.transit_opened',
  version: 1,
  subjectKind: 'lot',
  producer: 'customs-goods',
  description: 'A lot exited one office towards another; the transit stays open until arrival',
  payload: z.object({ ...transitFields, exitedAt: utcDateTimeSchema }),
});

export const goodsTransitClosedV1 = defineEvent({
  type: 'goods.transit_closed',
  version: 1,
  subjectKind: 'lot',
  producer: 'customs-goods',
  description: 'The destination office recorded the arrival of a lot in transit',
  payload: z.object({
    ...transitFields,
    quantityAtArrival: quantitySchema,
    exitedAt: utcDateTimeSchema,
    arrivedAt: utcDateTimeSchema,
  }),
});

export const goodsTransitDiscrepancyV1 = defineEvent({
  type: 'goods.transit_discrepancy',
  version: 1,
  subjectKind: 'lot',
  producer: 'customs-goods',
  description: 'The quantity at arrival differs from the quantity at exit',
  payload: z.object({
    ...transitFields,
    quantityAtArrival: quantitySchema,
    direction: transitDiscrepancyDirectionSchema,
    difference: quantitySchema.meta({ description: 'Absolute difference, in the unit of the exit quantity' }),
    detectedAt: utcDateTimeSchema,
  }),
});
