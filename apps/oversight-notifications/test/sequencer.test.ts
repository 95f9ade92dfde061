import type { TestScope } from '@enforcement/testkit';
import { useTestScope } from '@enforcement/testkit/vitest';
import type { Db } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sequencer } from '../src/store/sequencer.ts';

let scope: TestScope;
let db: Db;
beforeAll(async () => {
  scope = await useTestScope('sequencer');
  db = await scope.db();
});
afterAll(async () => {
  await scope.cleanup();
});

/** A write the test lets finish when it says so. */
function held() {
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return { done, finish };
}

describe('Sequencer', () => {
  it('hands out strictly increasing numbers and a watermark at the last one when nothing is in flight', async () => {
    const seq = new Sequencer(db, 'increasing');
    expect(await seq.watermark()).toBe(0);
    const taken = [];
    for (let i = 0; i < 5; i += 1) taken.push(await seq.around(async (n) => n));
    expect(taken).toEqual([1, 2, 3, 4, 5]);
    expect(await seq.watermark()).toBe(5);
  });

  it('keeps the watermark below a number whose write has not landed, even when later ones have', async () => {
    const seq = new Sequencer(db, 'out-of-order');
    const slow = held();
    const first = seq.around(async (n) => {
      await slow.done;
      return n;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = await seq.around(async (n) => n);
    expect(second).toBe(2);
    expect(await seq.watermark()).toBe(0);
    slow.finish();
    expect(await first).toBe(1);
    expect(await seq.watermark()).toBe(2);
  });

  it('releases the number when the write throws', async () => {
    const seq = new Sequencer(db, 'throwing');
    await expect(
      seq.around(async () => {
        throw new Error('write failed');
      }),
    ).rejects.toThrow('write failed');
    expect(await seq.watermark()).toBe(1);
  });

  it('stops waiting for a reservation whose writer outlived its bound', async () => {
    const seq = new Sequencer(db, 'abandoned', 100);
    const stuck = held();
    const pending = seq.around(() => stuck.done);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await seq.watermark()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(await seq.watermark()).toBe(1);
    stuck.finish();
    await pending;
  });

  it('gives concurrent writers distinct numbers', async () => {
    const seq = new Sequencer(db, 'concurrent');
    const numbers = await Promise.all(Array.from({ length: 40 }, () => seq.around(async (n) => n)));
    expect(new Set(numbers).size).toBe(40);
    expect(Math.max(...numbers)).toBe(40);
    expect(await seq.watermark()).toBe(40);
  });
});
