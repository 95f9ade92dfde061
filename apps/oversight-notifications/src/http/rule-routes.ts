import { requirePrincipal } from '@enforcement/service-kit';
import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { rulesConfigSchema } from '../domain/rules-config.ts';
import type { RulesStore } from '../store/rules-store.ts';

export interface RuleRouteDeps {
  rules: RulesStore;
  now: () => Date;
}

/** The thresholds in force; changing them needs the admin scope and is audited in `rule_changes`. */
export const ruleRoutes: FastifyPluginAsyncZod<RuleRouteDeps> = async (app, deps) => {
  app.get(
    '/rules',
    {
      config: { scopes: ['rules:read'] },
      schema: { summary: 'The oversight rule thresholds in force', tags: ['rules'] },
    },
    async () => deps.rules.current(),
  );

  app.put(
    '/rules',
    {
      config: { scopes: ['rules:admin'] },
      schema: {
        summary: 'Replace the oversight rule thresholds',
        description: 'Applies to obligations judged from now on; every change is kept with who and when.',
        tags: ['rules'],
        body: rulesConfigSchema,
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      return deps.rules.replace(
        request.body,
        { keyId: principal.keyId, agency: principal.agency },
        deps.now(),
      );
    },
  );
};
