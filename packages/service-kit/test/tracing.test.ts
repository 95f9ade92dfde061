import { SpanKind, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-node';
import { describe, expect, it } from 'vitest';
import { startTracing } from '../src/tracing.ts';
import { buildTestApp, testConfig } from './helpers.ts';

describe('tracing', () => {
  it('sets nothing up when OTEL_ENABLED is off', async () => {
    const exporter = new InMemorySpanExporter();
    const tracing = startTracing(testConfig(), { exporter });
    expect(tracing.enabled).toBe(false);
    expect(tracing.fastifyPlugin).toBeUndefined();
    const { app } = await buildTestApp({}, { tracing });
    await app.inject({ url: '/v1/public' });
    await app.close();
    expect(exporter.getFinishedSpans()).toHaveLength(0);
    expect(trace.getTracer('probe').startSpan('x').isRecording()).toBe(false);
  });

  it('gives each request a server span when OTEL_ENABLED is on', async () => {
    const exporter = new InMemorySpanExporter();
    const tracing = startTracing(testConfig({ OTEL_ENABLED: 'true' }), { exporter });
    expect(tracing.enabled).toBe(true);
    const { app } = await buildTestApp({}, { tracing });
    await app.inject({
      url: '/v1/public',
      headers: { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' },
    });
    await app.close();
    const server = exporter.getFinishedSpans().find((span) => span.kind === SpanKind.SERVER);
    expect(server).toBeDefined();
    expect(server?.spanContext().traceId).toBe('0af7651916cd43dd8448eb211c80319c');
    expect(JSON.stringify(server?.attributes)).toContain('/v1/public');
    await tracing.shutdown();
  });
});
