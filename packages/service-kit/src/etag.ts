import { z } from 'zod';

/** The ETag of a versioned resource is its version, as a strong tag: `"3"`. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** `If-Match: "3"` (a weak `W/"3"` is read the same: versions are exact either way). */
export const ifMatchHeadersSchema = z.object({
  'if-match': z
    .string()
    .regex(/^(W\/)?"[1-9][0-9]{0,9}"$/, { error: 'must be an ETag of this API, e.g. "3"' })
    .optional(),
});

export function versionFromIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  return Number(header.replace(/^W\//, '').replaceAll('"', ''));
}
