import type { z } from 'zod';
import type { ServiceName, SubjectKind } from '../vocab/services.ts';
import { envelopeSchemaOf, type RoutingKey, routingKeyOf } from './envelope.ts';

/** Everything the platform knows about one version of one event, declared once. */
export interface EventDefinition<
  T extends string,
  V extends number,
  K extends SubjectKind,
  P extends z.ZodType,
> {
  type: T;
  version: V;
  subjectKind: K;
  /** The service that publishes it (AsyncAPI operation, default `producer`). */
  producer: ServiceName;
  /** One line, shown in the AsyncAPI document. */
  description: string;
  payload: P;
  routingKey: RoutingKey<T, V>;
  /** The full envelope with this payload, as consumers parse it. */
  schema: ReturnType<typeof envelopeSchemaOf<T, V, K, P>>;
}

export function defineEvent<
  T extends string,
  V extends number,
  K extends SubjectKind,
  P extends z.ZodType,
>(spec: {
  type: T;
  version: V;
  subjectKind: K;
  producer: ServiceName;
  description: string;
  payload: P;
}): EventDefinition<T, V, K, P> {
  return {
    ...spec,
    routingKey: routingKeyOf(spec.type, spec.version),
    schema: envelopeSchemaOf(spec.type, spec.version, spec.subjectKind, spec.payload),
  };
}
