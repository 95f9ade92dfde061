import type { TestClock } from '@enforcement/service-kit/testing';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * The one clock every service of the platform reads (`now: () => clock.now`). Deadlines move only when
 * a scenario moves it; nothing waits for real time to pass.
 *
 * It must stay behind the wall clock: the outbox relays of packages/messaging compare `outboxDueAt`
 * (stamped by the services with this clock) to the real time, so events written "in the future"
 * would wait until the real time caught up. The scenarios live in 2025.
 */
export class PlatformClock implements TestClock {
  now: Date;

  constructor(start: string) {
    this.now = new Date(start);
  }

  /** Moves to an instant (scenarios start at their own date). */
  set(iso: string): Date {
    this.now = new Date(iso);
    return this.now;
  }

  /** Moves forward by the given days and hours; answers the new instant. */
  advance({ days = 0, hours = 0 }: { days?: number; hours?: number }): Date {
    this.now = new Date(this.now.getTime() + days * DAY_MS + hours * HOUR_MS);
    if (this.now.getTime() > Date.now())
      throw new Error(`the platform clock passed the wall clock: ${this.iso()}`);
    return this.now;
  }

  iso(): string {
    return this.now.toISOString();
  }
}
