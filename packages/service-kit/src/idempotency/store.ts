/** A response as first sent, kept so a retry with the same key gets exactly the same answer. */
export interface StoredResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/** What `begin` found: the key was free and is now ours, or someone else holds or finished it. */
export type BeginOutcome =
  | { state: 'started' }
  | { state: 'in_progress'; fingerprint: string }
  | { state: 'completed'; fingerprint: string; response: StoredResponse };

/**
 * Remembers idempotent requests. `begin` must be atomic (insert-if-absent: a MongoDB store does an
 * insertOne on `_id = key` and reads the existing document on a duplicate-key error), so of two
 * concurrent requests with one key exactly one proceeds. A started key expires after the in-progress
 * lease it was begun with (so a key whose process died mid-request frees itself soon); a completed
 * one `ttlMs` after its response was recorded.
 */
export interface IdempotencyStore {
  begin(key: string, fingerprint: string, ttlMs: number): Promise<BeginOutcome>;
  /** Records the response of a started key. */
  complete(key: string, response: StoredResponse, ttlMs: number): Promise<void>;
  /** Releases a started key without a response (5xx, aborted), so the client may retry. */
  abandon(key: string): Promise<void>;
}
