import { z } from 'zod';

/** Kinds of goods with their own handling rules (perishable goods dwell 7 days, not 180). */
export const lotCategorySchema = z.enum([
  'general',
  'perishable',
  'vehicle',
  'fuel',
  'livestock',
  'pharmaceutical',
  'hazardous',
]);
export type LotCategory = z.output<typeof lotCategorySchema>;

/** Whether a transit arrived with less or more than left the origin office. */
export const transitDiscrepancyDirectionSchema = z.enum(['shortage', 'excess']);
export type TransitDiscrepancyDirection = z.output<typeof transitDiscrepancyDirectionSchema>;
