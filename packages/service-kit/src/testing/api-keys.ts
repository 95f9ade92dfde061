import { hashApiKey } from '../auth/api-keys.ts';

/** A kind of caller a service's access rules distinguish, as its API key record describes it. */
export interface TestPrincipal {
  agency: string;
  province?: string;
  scopes: readonly string[];
}

/** The API keys of a test: `json` goes into API_KEYS, `as(who)` gives that caller's request headers. */
export interface TestApiKeys<W extends string> {
  json: string;
  as(who: W, headers?: Record<string, string>): Record<string, string>;
}

/** One key per named principal; the raw key is derived from the name, only its hash is configured. */
export function testApiKeys<W extends string>(principals: Record<W, TestPrincipal>): TestApiKeys<W> {
  const rawKey = (who: W) => `test-key-${who}-0123456789`;
  const records = (Object.entries(principals) as [W, TestPrincipal][]).map(([who, principal]) => ({
    keyId: who,
    sha256: hashApiKey(rawKey(who)),
    ...principal,
  }));
  return {
    json: JSON.stringify(records),
    as: (who, headers = {}) => ({ authorization: `Bearer ${rawKey(who)}`, ...headers }),
  };
}

/** A settable clock for `now: () => clock.now`. */
export interface TestClock {
  now: Date;
}
