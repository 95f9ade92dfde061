import { type ProvinceCode, provinceCodes, provinces } from '@enforcement/contracts';

/** A request the stack makes to a service; answers the status and JSON body. */
export type Call = (
  method: 'GET' | 'POST',
  url: string,
  key: string,
  body?: unknown,
) => Promise<{ status: number; body: unknown }>;

export const call: Call = async (method, url, key, body) => {
  const response = await fetch(url, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
};

const KINDS = [
  { kind: 'prosecutor', key: 'seed-prosecutor', fa: 'واحد اجرای احکام دادسرای' },
  { kind: 'tazirat', key: 'seed-tazirat', fa: 'واحد اجرای احکام تعزیرات حکومتی' },
] as const;

/**
 * Reference data a fresh platform needs before agencies can work: one verdict-execution unit of the
 * prosecution office and one of Ta'zirat in every province. Units already registered (an earlier run)
 * are left alone, so starting twice creates nothing twice. Customs offices are seeded by customs-goods.
 */
export async function ensureExecutionUnits(
  caseIntakeUrl: string,
  keys: Record<string, string>,
  request: Call = call,
): Promise<{ created: number; existing: number }> {
  let created = 0;
  let existing = 0;
  for (const { kind, key, fa } of KINDS) {
    const raw = keys[key];
    if (raw === undefined) throw new Error(`no ${key} key for the reference data`);
    const listed = await request('GET', `${caseIntakeUrl}/v1/units?kind=${kind}&limit=100`, raw);
    if (listed.status !== 200) throw new Error(`listing ${kind} units answered ${listed.status}`);
    const have = new Set(
      ((listed.body as { items?: { province: string }[] }).items ?? []).map((unit) => unit.province),
    );
    for (const province of provinceCodes as readonly ProvinceCode[]) {
      if (have.has(province)) {
        existing += 1;
        continue;
      }
      const name = `${fa} ${provinces[province].fa}`;
      const answer = await request('POST', `${caseIntakeUrl}/v1/units`, raw, { kind, province, name });
      if (answer.status !== 201) {
        throw new Error(`registering the ${kind} unit of ${province} answered ${answer.status}`);
      }
      created += 1;
    }
  }
  return { created, existing };
}
