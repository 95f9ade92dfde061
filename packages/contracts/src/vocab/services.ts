import { z } from 'zod';

/** Services that publish events; the envelope's `producer` is one of these (or a newer service). */
export const serviceNames = ['case-intake', 'customs-goods', 'oversight-notifications'] as const;
export type ServiceName = (typeof serviceNames)[number];

/** What an event is about (`subject.kind` in the envelope). */
export const subjectKindSchema = z.enum(['case', 'execution_unit', 'lot', 'notification', 'resolution']);
export type SubjectKind = z.output<typeof subjectKindSchema>;
