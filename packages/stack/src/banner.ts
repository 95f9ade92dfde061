import type { RunningStack } from './stack.ts';

/** What a newcomer needs after `npm start`: where everything is, and the keys made this run. */
export function bannerOf(stack: RunningStack, principals: Record<string, { purpose: string }>): string[] {
  const url = (name: string) => stack.services.find((s) => s.name === name)?.url ?? '(not running)';
  const oversight = url('oversight-notifications');
  const lines = ['', 'The platform is running. Ctrl-C stops everything.', ''];
  for (const service of stack.services.filter((s) => s.name !== 'dashboard')) {
    lines.push(`  ${service.name.padEnd(24)} ${service.url}   API docs: ${service.url}/docs`);
  }
  lines.push(
    '',
    `  dashboard      ${url('dashboard')}`,
    `  feed (page)    ${oversight}/v1/feeds/prosecutor:khuzestan`,
    `  feed (live)    ${oversight}/v1/feeds/prosecutor:khuzestan/stream`,
    `  scorecards     ${oversight}/v1/stats/agencies`,
    '',
    `  MongoDB  ${stack.infra.mongoSource === 'local' ? 'stand-in' : stack.infra.mongoSource}   RabbitMQ  ${stack.infra.amqpSource}`,
    `  reference data: ${stack.units.created} execution units registered, ${stack.units.existing} already there`,
  );
  const fresh = Object.entries(stack.keys.fresh);
  if (fresh.length > 0) {
    lines.push('', 'Demo API keys (shown this once; the services store only their SHA-256):');
    for (const [name, key] of fresh) {
      lines.push(`  ${name.padEnd(24)} ${key}   ${principals[name]?.purpose ?? ''}`);
    }
    lines.push(`  e.g. curl -H "Authorization: Bearer <key>" ${oversight}/v1/feeds/prosecutor:khuzestan`);
  } else {
    lines.push(
      '',
      'Demo API keys were printed when they were made; delete .data/api-keys.json for new ones.',
    );
  }
  lines.push('', 'Traffic: npm run simulate -- --duration 30', '');
  return lines;
}
