import type { z } from 'zod';
import {
  caseAssetsSeizedV1,
  caseAssignedV1,
  caseClosedV1,
  caseExecutionStartedV1,
  caseNoteAddedV1,
  caseRegisteredV1,
  caseVerdictIssuedV1,
} from './case-events.ts';
import {
  goodsLotRegisteredV1,
  goodsStatusChangedV1,
  goodsTransitClosedV1,
  goodsTransitDiscrepancyV1,
  goodsTransitOpenedV1,
} from './goods-events.ts';
import {
  oversightNotificationAcknowledgedV1,
  oversightNotificationEscalatedV1,
  oversightNotificationRaisedV1,
  oversightNotificationResolvedV1,
  oversightResolutionCompletedV1,
  oversightResolutionCreatedV1,
} from './oversight-events.ts';
import { unitOfficerDeployedV1, unitOfficerReleasedV1 } from './unit-events.ts';

/** Every event version the platform publishes. A new version is a new entry beside the old one. */
export const eventCatalog = [
  caseRegisteredV1,
  caseAssignedV1,
  caseVerdictIssuedV1,
  caseExecutionStartedV1,
  caseAssetsSeizedV1,
  caseClosedV1,
  caseNoteAddedV1,
  unitOfficerDeployedV1,
  unitOfficerReleasedV1,
  goodsLotRegisteredV1,
  goodsStatusChangedV1,
  goodsTransitOpenedV1,
  goodsTransitClosedV1,
  goodsTransitDiscrepancyV1,
  oversightNotificationRaisedV1,
  oversightNotificationEscalatedV1,
  oversightNotificationAcknowledgedV1,
  oversightNotificationResolvedV1,
  oversightResolutionCreatedV1,
  oversightResolutionCompletedV1,
] as const;

export type CatalogEntry = (typeof eventCatalog)[number];
export type EventType = CatalogEntry['type'];
export type EventRoutingKey = CatalogEntry['routingKey'];
export type EventVersion<T extends EventType> = Extract<CatalogEntry, { type: T }>['version'];

/** The catalog entry of one type and version. */
export type EventDefinitionOf<T extends EventType, V extends EventVersion<T> = EventVersion<T>> = Extract<
  CatalogEntry,
  { type: T; version: V }
>;

/** A whole event (envelope and payload) as consumers receive it; all versions of T unless V is given. */
export type EventOf<T extends EventType, V extends EventVersion<T> = EventVersion<T>> = z.output<
  EventDefinitionOf<T, V>['schema']
>;

/** The payload of an event as consumers receive it. */
export type EventPayload<T extends EventType, V extends EventVersion<T> = EventVersion<T>> = EventOf<
  T,
  V
>['payload'];

/** Any event of the catalog; narrow it on `type` (and `version`). */
export type AnyEvent = z.output<CatalogEntry['schema']>;

const byRoutingKey: ReadonlyMap<string, CatalogEntry> = new Map(
  eventCatalog.map((entry) => [entry.routingKey, entry]),
);
const knownTypes: ReadonlySet<string> = new Set(eventCatalog.map((entry) => entry.type));

/** The catalog entry of a type and version read off the wire, if the platform knows it. */
export function findEventDefinition(type: string, version: number): CatalogEntry | undefined {
  return byRoutingKey.get(`${type}.v${version}`);
}

export function isKnownEventType(type: string): type is EventType {
  return knownTypes.has(type);
}
