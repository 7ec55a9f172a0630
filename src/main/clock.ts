// The one clock. Business dates come from RECOUP_TODAY when it is set (tests and as-of runs) and
// otherwise from the machine's calendar; instants (audit times, sessions) come from `now`.
import { businessDateOf, isBusinessDate, type BusinessDate } from '../shared/dates';

export interface Clock {
  /** Today's business date, YYYY-MM-DD. */
  today(): BusinessDate;
  /** The current instant in milliseconds (timestamps, idle timers). */
  nowMs(): number;
  /** True when the business date is fixed by configuration rather than the calendar. */
  readonly fixed: boolean;
}

export function systemClock(fixedToday?: string): Clock {
  if (fixedToday !== undefined && fixedToday !== '') {
    if (!isBusinessDate(fixedToday)) {
      throw new Error(`RECOUP_TODAY must be a date written YYYY-MM-DD; it is "${fixedToday}".`);
    }
    return { today: () => fixedToday, nowMs: () => Date.now(), fixed: true };
  }
  return { today: () => businessDateOf(new Date()), nowMs: () => Date.now(), fixed: false };
}

/** A clock a test moves by hand. */
export function manualClock(
  today: BusinessDate,
  startMs = Date.UTC(2026, 0, 1),
): Clock & {
  setToday(d: BusinessDate): void;
  advanceMs(ms: number): void;
} {
  let day = today;
  let ms = startMs;
  return {
    today: () => day,
    nowMs: () => ms,
    fixed: true,
    setToday(d) {
      day = d;
    },
    advanceMs(delta) {
      ms += delta;
    },
  };
}
