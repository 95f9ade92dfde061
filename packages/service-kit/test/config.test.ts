import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { hashApiKey } from '../src/auth/api-keys.ts';
import { apiKeyRecordsFrom, baseConfigSchema, ConfigError, loadConfig } from '../src/config.ts';
import { envAmqpUrl, envMongoUrl } from '../src/env.ts';

const minimal = { SERVICE_NAME: 'case-intake' };

function configErrorOf(env: Record<string, string>, schema: z.ZodType = baseConfigSchema): string {
  try {
    loadConfig(schema, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies defaults for everything but the service name', () => {
    const config = loadConfig(baseConfigSchema, minimal);
    expect(config).toMatchObject({
      SERVICE_NAME: 'case-intake',
      PORT: 3000,
      LOG_PRETTY: false,
      OTEL_ENABLED: false,
    });
  });

  it('names a missing variable', () => {
    expect(configErrorOf({})).toBe('config error: SERVICE_NAME is required');
  });

  it('names a bad variable and the value it got, on one line', () => {
    expect(configErrorOf({ ...minimal, PORT: 'abc' })).toBe(
      'config error: PORT must be an integer between 0 and 65535 (got "abc")',
    );
  });

  it('lists every bad variable in one line', () => {
    const message = configErrorOf({ PORT: '70000', LOG_PRETTY: 'yes' });
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toContain('SERVICE_NAME is required');
    expect(message).toContain('PORT must be an integer between 0 and 65535 (got "70000")');
    expect(message).toContain('LOG_PRETTY must be one of true, false, 1, 0 (got "yes")');
  });

  it('parses booleans strictly, so "false" and "0" are false', () => {
    expect(loadConfig(baseConfigSchema, { ...minimal, LOG_PRETTY: 'false' }).LOG_PRETTY).toBe(false);
    expect(loadConfig(baseConfigSchema, { ...minimal, LOG_PRETTY: '0' }).LOG_PRETTY).toBe(false);
    expect(loadConfig(baseConfigSchema, { ...minimal, OTEL_ENABLED: '1' }).OTEL_ENABLED).toBe(true);
  });

  it('never echoes the value of a secret variable', () => {
    const secret = 'not-json-super-secret-value';
    const message = configErrorOf({ ...minimal, API_KEYS: secret });
    expect(message).toContain('API_KEYS must be a JSON list of API key records');
    expect(message).not.toContain(secret);
  });

  it('masks the password of a URL it echoes', () => {
    const schema = baseConfigSchema.extend({ AMQP_URL: envAmqpUrl(), MONGO_URL: envMongoUrl() });
    const message = configErrorOf(
      { ...minimal, AMQP_URL: 'http://svc:hunter2@broker:5672', MONGO_URL: 'mongodb://db:27017' },
      schema,
    );
    expect(message).toBe(
      'config error: AMQP_URL must be an amqp:// or amqps:// URL (got "http://svc:***@broker:5672")',
    );
  });

  it('accepts amqp and mongodb connection strings', () => {
    const schema = baseConfigSchema.extend({ AMQP_URL: envAmqpUrl(), MONGO_URL: envMongoUrl() });
    const config = loadConfig(schema, {
      ...minimal,
      AMQP_URL: 'amqps://svc:pw@broker.internal/enforcement',
      MONGO_URL: 'mongodb+srv://cluster0.internal/case_intake',
    });
    expect(config.AMQP_URL).toBe('amqps://svc:pw@broker.internal/enforcement');
    expect(configErrorOf({ ...minimal, MONGO_URL: 'postgres://db' }, schema)).toContain(
      'MONGO_URL must be a mongodb:// or mongodb+srv:// connection string',
    );
  });

  it('reports which key record is wrong', () => {
    const message = configErrorOf({
      ...minimal,
      API_KEYS: JSON.stringify([{ keyId: 'k', sha256: 'abc', agency: 'customs', scopes: [] }]),
    });
    expect(message).toContain('API_KEYS[0].sha256 must be 64 hex characters');
  });

  it('reads key records inline and from a file', () => {
    const record = { keyId: 'file-key', sha256: hashApiKey('k1'), agency: 'police', scopes: ['cases:read'] };
    const file = join(mkdtempSync(join(tmpdir(), 'keys-')), 'keys.json');
    writeFileSync(file, JSON.stringify([record]));
    const inline = { ...record, keyId: 'inline-key' };
    const config = loadConfig(baseConfigSchema, {
      ...minimal,
      API_KEYS: JSON.stringify([inline]),
      API_KEYS_FILE: file,
    });
    expect(apiKeyRecordsFrom(config).map((r) => r.keyId)).toEqual(['inline-key', 'file-key']);
  });

  it('lets a service extend the base schema', () => {
    const schema = baseConfigSchema.extend({ MONGODB_URL: baseConfigSchema.shape.SERVICE_NAME });
    expect(() => loadConfig(schema, minimal)).toThrow('config error: MONGODB_URL is required');
  });
});
