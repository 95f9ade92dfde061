import { agencies, knownCustomsOffices, knownOversightRuleIds, provinces } from '@enforcement/contracts';
import { expect, it } from 'vitest';
import * as vocab from '../src/web/vocab.ts';

it("the page's copy of the names matches the contracts", () => {
  expect(vocab.provinces).toEqual(provinces);
  expect(vocab.customsOffices).toEqual(knownCustomsOffices);
  expect(vocab.ruleIds).toEqual([...knownOversightRuleIds]);
  for (const [code, name] of Object.entries(agencies)) {
    expect(vocab.agencies[code]).toEqual({ fa: name.fa, en: name.en });
  }
});
