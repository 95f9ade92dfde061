import { z } from 'zod';

/** One offending input field: `path` is the dotted location, e.g. `body.parties.0.nationalId`. */
export const problemFieldErrorSchema = z.object({
  path: z
    .string()
    .describe('Where the offending value is: body., query., params. or headers. then the field path'),
  message: z.string(),
  code: z.string().optional().describe('Machine-readable reason, e.g. invalid_type, too_small'),
});

/** RFC 9457 problem details, the body of every error response (`application/problem+json`). */
export const problemDetailsSchema = z
  .object({
    type: z.string().describe('URI naming the kind of problem; "about:blank" when only the status matters'),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    detail: z.string().optional(),
    instance: z.string().optional().describe('The request path'),
    code: z.string().describe('Stable error code, e.g. VALIDATION_FAILED, CASE_ILLEGAL_TRANSITION'),
    requestId: z.string().optional(),
    correlationId: z.string().optional(),
    errors: z.array(problemFieldErrorSchema).optional().describe('Offending fields, for validation errors'),
  })
  .catchall(z.unknown())
  .meta({ id: 'ProblemDetails' });

export type ProblemFieldError = z.infer<typeof problemFieldErrorSchema>;
export type ProblemDetails = z.infer<typeof problemDetailsSchema>;
