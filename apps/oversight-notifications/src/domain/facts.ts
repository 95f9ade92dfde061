/**
 * What the service remembers of each watched subject, so an event arriving late or twice is judged
 * against everything known, not against the order of arrival. Facts only grow: an attribute is set to
 * the value every event of the subject agrees on, and a time keeps its earliest value. Merging is
 * therefore commutative and idempotent (the store applies the same update with `$set` and `$min`).
 */
export type FactValue = string | number | boolean | null;

export interface Facts {
  attributes: Readonly<Record<string, FactValue>>;
  times: Readonly<Record<string, Date>>;
}

/** What one event adds to the facts of one subject. */
export interface FactUpdate {
  subjectKey: string;
  attributes: Record<string, FactValue>;
  times: Record<string, Date>;
}

export const noFacts: Facts = { attributes: {}, times: {} };

/** Entity ids may hold `.`, which MongoDB reads as a path; `~` never occurs in an id, so this is one-to-one. */
export function factKey(...parts: readonly string[]): string {
  return parts.map((part) => part.replaceAll('.', '~')).join('|');
}

export function mergeFacts(facts: Facts, update: FactUpdate): Facts {
  const times: Record<string, Date> = { ...facts.times };
  for (const [name, at] of Object.entries(update.times)) {
    const known = times[name];
    if (known === undefined || at < known) times[name] = at;
  }
  return { attributes: { ...facts.attributes, ...update.attributes }, times };
}

export function textFact(facts: Facts, name: string): string | undefined {
  const value = facts.attributes[name];
  return typeof value === 'string' ? value : undefined;
}

/** Names of times with a prefix (e.g. every `executing|<caseId>`), without the prefix. */
export function timesUnder(facts: Facts, prefix: string): string[] {
  return Object.keys(facts.times)
    .filter((name) => name.startsWith(`${prefix}|`))
    .map((name) => name.slice(prefix.length + 1));
}
