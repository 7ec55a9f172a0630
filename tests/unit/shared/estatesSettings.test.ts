// The estates settings group: each reminder closer to the deadline than the one before, judged
// only once each figure is right on its own (so the message lands on the field that is wrong).
import { expect, it } from 'vitest';
import { estatesPolicySchema } from '../../../src/shared/schemas/settings';

const base = {
  firstReminderDays: 30,
  secondReminderDays: 14,
  lastReminderDays: 7,
  followUpEveryDays: 30,
  lastIllnessDays: 90,
};
const paths = (input: object) => {
  const r = estatesPolicySchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
};

it('names the field that is wrong, and compares the reminders only once each is right', () => {
  expect(paths(base)).toEqual([]);
  expect(paths({ ...base, firstReminderDays: -5 })).toEqual(['firstReminderDays']);
  expect(paths({ ...base, firstReminderDays: 10 })).toEqual(['secondReminderDays']);
  expect(paths({ ...base, lastReminderDays: 14 })).toEqual(['secondReminderDays']);
});
