/** Ties an event to the request that caused it. */
export interface EventContext {
  correlationId: string;
  /** The request id: what caused the change (null would mean "first of a chain"). */
  causationId: string | null;
}
