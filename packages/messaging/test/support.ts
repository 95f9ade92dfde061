import { randomUUID } from 'node:crypto';
import { type EventOf, newEvent } from '@enforcement/contracts';

/**
 * Polls `condition` until it returns a value other than undefined/false, or fails after `timeoutMs`
 * with `what` in the message: tests wait for states, never for durations.
 */
export async function eventually<T>(
  what: string,
  condition: () => Promise<T | undefined | false> | T | undefined | false,
  // A bound on waiting for the broker, not a timing assertion: generous for a CI machine running
  // every suite at once.
  timeoutMs = 45_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`, { cause: lastError });
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A valid `case.note_added` v1 event; `subjectId` groups events of one case. */
export function aNoteAdded(
  overrides: { subjectId?: string; text?: string; id?: string } = {},
): EventOf<'case.note_added', 1> {
  const caseId = overrides.subjectId ?? `case-${randomUUID().slice(0, 8)}`;
  return newEvent('case.note_added', {
    version: 1,
    subjectId: caseId,
    correlationId: `corr-${randomUUID().slice(0, 8)}`,
    ...(overrides.id === undefined ? {} : { id: overrides.id }),
    payload: {
      caseId,
      noteId: `note-${randomUUID().slice(0, 8)}`,
      authorAgency: 'customs',
      text: overrides.text ?? 'محموله در بندر امام خمینی بازرسی شد',
      addedAt: new Date().toISOString(),
    },
  });
}

/** The management API beside the scope's AMQP URL (same host and credentials, port 15672). */
function managementBase(amqpUrl: string): { base: string; authorization: string } {
  const url = new URL(amqpUrl);
  const user = decodeURIComponent(url.username) || 'guest';
  const password = decodeURIComponent(url.password) || 'guest';
  return {
    base: process.env.RABBITMQ_MANAGEMENT_URL
      ? new URL(process.env.RABBITMQ_MANAGEMENT_URL).origin
      : `http://${url.hostname}:15672`,
    authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
  };
}

function vhostOf(amqpUrl: string): string {
  return decodeURIComponent(new URL(amqpUrl).pathname.slice(1)) || '/';
}

interface ListedConnection {
  /** The broker's name for the connection (peer and port), the key of DELETE /api/connections/{name}. */
  name: string;
  /** The `connection_name` the client gave. */
  clientName: string | undefined;
}

/** Client connections of the scope's vhost as the management API lists them (refreshed every few seconds). */
export async function brokerConnections(amqpUrl: string): Promise<ListedConnection[]> {
  const { base, authorization } = managementBase(amqpUrl);
  const response = await fetch(`${base}/api/vhosts/${encodeURIComponent(vhostOf(amqpUrl))}/connections`, {
    headers: { authorization },
  });
  if (!response.ok) throw new Error(`management API answered ${response.status}`);
  const listed = (await response.json()) as Array<{
    name: string;
    client_properties?: { connection_name?: string };
  }>;
  return listed.map((connection) => ({
    name: connection.name,
    clientName: connection.client_properties?.connection_name,
  }));
}

/**
 * Closes, from the broker side (like `rabbitmqctl close_connection`), one live connection of each
 * client name, waiting until the management API lists one not closed before. `closedBefore`
 * remembers what was closed, since the API keeps listing closed connections for a while.
 */
export async function closeConnectionsFromBroker(
  amqpUrl: string,
  clientNames: readonly string[],
  closedBefore: Set<string> = new Set(),
): Promise<void> {
  const { base, authorization } = managementBase(amqpUrl);
  for (const clientName of clientNames) {
    const target = await eventually(
      `the broker to list a live connection named ${clientName}`,
      async () =>
        (await brokerConnections(amqpUrl)).find(
          (connection) => connection.clientName === clientName && !closedBefore.has(connection.name),
        ),
      20_000,
    );
    const response = await fetch(`${base}/api/connections/${encodeURIComponent(target.name)}`, {
      method: 'DELETE',
      headers: { authorization, 'x-reason': 'test: connection closed by the broker' },
    });
    if (!response.ok && response.status !== 404)
      throw new Error(`closing ${target.name}: ${response.status}`);
    closedBefore.add(target.name);
  }
}
