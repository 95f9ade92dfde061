import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import { describe, expect, it } from 'vitest';
import { EVENTS_EXCHANGE, eventCatalog } from '../src/index.ts';

const documentText = readFileSync(resolve(import.meta.dirname, '../generated/asyncapi.json'), 'utf8');

describe('generated/asyncapi.json', () => {
  it('is a valid AsyncAPI 3.0.0 document listing every event of the catalog', async () => {
    const { document, diagnostics } = await new Parser().parse(documentText);
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error);
    expect(errors.map((error) => `${error.path.join('.')}: ${error.message}`)).toEqual([]);
    if (document === undefined) throw new Error('the parser returned no document');

    expect(document.version()).toBe('3.0.0');
    const addresses = document
      .channels()
      .all()
      .map((channel) => channel.address());
    expect(addresses.sort()).toEqual(eventCatalog.map((entry) => entry.routingKey).sort());
    const messages = document
      .messages()
      .all()
      .map((message) => message.name());
    expect(messages.sort()).toEqual(eventCatalog.map((entry) => entry.routingKey).sort());
    expect(document.operations().all()).toHaveLength(eventCatalog.length);
    expect(
      document
        .operations()
        .all()
        .every((operation) => operation.isSend()),
    ).toBe(true);
  });

  it('binds every channel to the durable topic exchange on the RabbitMQ server', async () => {
    const { document } = await new Parser().parse(documentText);
    const server = document?.servers().all()[0];
    expect(server?.protocol()).toBe('amqp');
    for (const channel of document?.channels().all() ?? []) {
      const binding = channel.bindings().get('amqp')?.value();
      expect(binding).toMatchObject({
        is: 'routingKey',
        exchange: { name: EVENTS_EXCHANGE, type: 'topic', durable: true },
      });
    }
  });

  it('says it is generated', () => {
    expect(JSON.parse(documentText).info['x-generated']).toMatch(/Do not edit/);
  });
});
