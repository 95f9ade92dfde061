import { z } from 'zod';

/** `GET /v1/principal`: who the API key of the request is, so a client can adapt before it is refused. */
export const principalViewSchema = z
  .object({
    keyId: z.string().meta({ description: 'The id of the key (not the key): audit trails name it' }),
    agency: z.string(),
    province: z
      .string()
      .nullable()
      .meta({ description: 'The one province the key is limited to; null: national' }),
    scopes: z.array(z.string()).meta({ description: 'What the key may do, e.g. notifications:acknowledge' }),
  })
  .meta({ id: 'Principal' });
export type PrincipalView = z.output<typeof principalViewSchema>;
