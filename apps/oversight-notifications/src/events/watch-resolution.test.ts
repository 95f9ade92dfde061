import { describe, expect, it } from 'vitest';
import type { Resolution } from '../domain/resolution.ts';
import { type WatchResolutionDeps, watchAfterWrite } from './watch-resolution.ts';

const resolution = {
  id: 'r-1',
  version: 1,
  workgroup: { id: 'w-1', name: 'کارگروه', chairAgency: 'prosecutor', seats: ['prosecutor', 'customs'] },
  meeting: { id: 'm-1', number: 1, heldAt: new Date('2025-01-01T00:00:00.000Z') },
  text: 'تعیین تکلیف کالاهای رسوبی',
  assigneeAgency: 'customs',
  province: 'khuzestan',
  dueAt: new Date('2025-02-01T00:00:00.000Z'),
  createdAt: new Date('2025-01-01T00:00:00.000Z'),
  state: 'open',
  progress: [],
} as unknown as Resolution;

describe('watchAfterWrite', () => {
  it('logs a failed watch instead of failing the request whose write already landed', async () => {
    const database = new Error('connection reset');
    // Only the obligation write is reached before the failure; the rest of the deps stay untouched.
    const deps = {
      obligations: {
        apply: async () => {
          throw database;
        },
      },
    } as unknown as WatchResolutionDeps;
    const warnings: object[] = [];
    await expect(
      watchAfterWrite(
        deps,
        resolution,
        { correlationId: 'c', causationId: null },
        new Date('2025-01-02T00:00:00.000Z'),
        { warn: (details) => warnings.push(details) },
      ),
    ).resolves.toBeUndefined();
    expect(warnings).toEqual([{ err: database, resolutionId: 'r-1' }]);
  });
});
