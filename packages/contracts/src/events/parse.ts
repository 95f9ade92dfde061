import { type AnyEvent, findEventDefinition, isKnownEventType } from './catalog.ts';
import { eventHeaderSchema } from './envelope.ts';
import { describeIssues, type FieldIssue, fieldIssues } from './issues.ts';

/**
 * Why a message could not be read. `unknown_event` is not a broken message: it is a type or version
 * this build does not know (yet), which a consumer may skip, while the other two are producer bugs.
 */
export type EventParseFailure =
  | { reason: 'invalid_envelope'; message: string; issues: FieldIssue[] }
  | { reason: 'unknown_event'; message: string; type: string; version: number; knownType: boolean }
  | { reason: 'invalid_payload'; message: string; issues: FieldIssue[]; type: string; version: number };

export type ParseEventResult = { ok: true; event: AnyEvent } | { ok: false; error: EventParseFailure };

/** Reads a decoded JSON message: envelope first, then the catalog entry for its type and version. */
export function parseEvent(raw: unknown): ParseEventResult {
  const header = eventHeaderSchema.safeParse(raw);
  if (!header.success) {
    const issues = fieldIssues(header.error);
    return {
      ok: false,
      error: {
        reason: 'invalid_envelope',
        message: `invalid event envelope: ${describeIssues(issues)}`,
        issues,
      },
    };
  }
  const { type, version } = header.data;
  const definition = findEventDefinition(type, version);
  if (definition === undefined) {
    const knownType = isKnownEventType(type);
    const message = knownType
      ? `unknown event version: ${type} has no version ${version} in the catalog`
      : `unknown event type: ${type} is not in the catalog`;
    return { ok: false, error: { reason: 'unknown_event', message, type, version, knownType } };
  }
  const parsed = definition.schema.safeParse(raw);
  if (parsed.success) return { ok: true, event: parsed.data };
  const issues = fieldIssues(parsed.error);
  const inPayload = parsed.error.issues.every((issue) => issue.path[0] === 'payload');
  const message = `invalid ${definition.routingKey} event: ${describeIssues(issues)}`;
  return inPayload
    ? { ok: false, error: { reason: 'invalid_payload', message, issues, type, version } }
    : { ok: false, error: { reason: 'invalid_envelope', message, issues } };
}
