import { todayInKorea } from './dates';

/**
 * What "today" is for code that acts on the calendar by itself (the follow-up sweep) or judges a
 * date against it ("not in the future"). Injected, so tests that run real processes can put the
 * whole process on a chosen day.
 */
export interface Clock {
  /** Today on the Korean calendar, YYYY-MM-DD. */
  today(): string;
}

export const systemClock: Clock = { today: () => todayInKorea() };

/** A clock stuck on one Korean calendar day: for tests and drills only (SAEIL_CLOCK_TODAY). */
export function fixedClock(day: string): Clock {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day) {
    throw new Error(`fixed clock needs an existing YYYY-MM-DD day, got ${day}`);
  }
  return { today: () => day };
}

/** The process clock: the system's, unless SAEIL_CLOCK_TODAY pins the day. */
export function clockFor(pinnedDay: string | undefined): Clock {
  return pinnedDay ? fixedClock(pinnedDay) : systemClock;
}

/** Nest injection token for the process clock. */
export const CLOCK = Symbol('CLOCK');
