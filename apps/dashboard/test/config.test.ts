import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/server/config.ts';

const valid = {
  OVERSIGHT_URL: 'http://127.0.0.1:3003/',
  CUSTOMS_GOODS_URL: 'http://127.0.0.1:3002',
  CASE_INTAKE_URL: 'https://cases.example.org',
  DASHBOARD_API_KEY: 'dashboard-key-0123456789abcdef',
};

describe('loadConfig', () => {
  it('takes the service URLs (without a trailing slash), the key and defaults', () => {
    const config = loadConfig(valid);
    expect(config.OVERSIGHT_URL).toBe('http://127.0.0.1:3003');
    expect(config.PORT).toBe(8080);
    expect(config.HOST).toBe('127.0.0.1');
    expect(config.DASHBOARD_AUDIENCES).toEqual(['inspection']);
  });

  it('reads the audiences as a comma-separated list', () => {
    const config = loadConfig({ ...valid, DASHBOARD_AUDIENCES: 'inspection, inspection:khuzestan' });
    expect(config.DASHBOARD_AUDIENCES).toEqual(['inspection', 'inspection:khuzestan']);
  });

  it('names every missing or bad variable in one error', () => {
    expect(() => loadConfig({ OVERSIGHT_URL: 'ftp://x', DASHBOARD_API_KEY: 'short', PORT: 'x' })).toThrow(
      /OVERSIGHT_URL[\s\S]*CUSTOMS_GOODS_URL[\s\S]*CASE_INTAKE_URL[\s\S]*DASHBOARD_API_KEY/,
    );
    expect(() => loadConfig({ ...valid, DASHBOARD_AUDIENCES: 'Inspection!' })).toThrow(/DASHBOARD_AUDIENCES/);
    expect(() => loadConfig({ ...valid, PORT: '70000' })).toThrow(/PORT/);
  });
});
