import { agencies, type BilingualName, knownCustomsOffices, provinces } from '@enforcement/contracts/vocab';
import { lang, t } from './i18n.ts';

/** Names of the codes the APIs send, in the page's language; an unknown code is shown as sent. */

const nameIn = (names: Readonly<Record<string, BilingualName>>, code: string) =>
  names[code]?.[lang()] ?? code;

export const placeName = (code: string | null) => (code === null ? t('national') : nameIn(provinces, code));

export const agencyName = (code: string) => nameIn(agencies, code);

/** An audience is `agency` or `agency:province`. */
export function audienceName(audience: string): string {
  const [agency = '', province] = audience.split(':');
  return province === undefined ? agencyName(agency) : `${agencyName(agency)} — ${placeName(province)}`;
}

export function officeName(id: string): string {
  return knownCustomsOffices.find((office) => office.id === id)?.[lang()] ?? id;
}

export const provinceCodes = Object.keys(provinces);
