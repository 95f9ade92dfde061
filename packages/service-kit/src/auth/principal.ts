/**
 * Who is calling: the API key's id, the agency it belongs to, optionally the one province it is
 * limited to, and what it may do. Agency and province are plain strings; each service validates them
 * against its own vocabulary when it loads its keys.
 */
export interface Principal {
  keyId: string;
  agency: string;
  province?: string;
  scopes: string[];
}
