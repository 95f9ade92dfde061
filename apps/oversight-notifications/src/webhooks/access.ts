import { isInAudience, type Member } from '../domain/audiences.ts';

/**
 * Whether a key may register, see and manage webhooks of an audience: it must belong to the audience
 * (`isInAudience`), and a key limited to one province manages only that province's audience. A national
 * audience's webhook is the agency's own integration, so a provincial key neither adds one nor
 * deletes or resumes it, though it could read those notifications.
 */
export function mayManageWebhooksOf(member: Member, audience: string): boolean {
  if (!isInAudience(member, [audience])) return false;
  return member.province === undefined || audience.includes(':');
}

/** The audiences whose webhooks a key lists: all of its agency's, or its province's only. */
export function manageableAudiences(member: Member): string[] | undefined {
  return member.province === undefined ? undefined : [`${member.agency}:${member.province}`];
}
