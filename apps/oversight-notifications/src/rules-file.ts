import { readFile } from 'node:fs/promises';
import { defaultRulesConfig, type RulesConfig, rulesConfigSchema } from './domain/rules-config.ts';

/** The rules of the file named by RULES_FILE, validated; the defaults when none is named. */
export async function readRulesFile(path: string | undefined): Promise<RulesConfig> {
  if (path === undefined) return defaultRulesConfig;
  const parsed = rulesConfigSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new Error(`RULES_FILE ${path} is invalid: ${fields.join('; ')}`);
}
