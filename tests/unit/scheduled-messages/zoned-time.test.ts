// A local time an agent picks, read in the contact's zone, across daylight-saving changes.
import { zonedTimeToInstant } from '#api/scheduled-messages/zoned-time';

it.each([
  ['2026-12-24T09:30', 'Europe/Paris', '2026-12-24T08:30:00.000Z'],
  ['2026-07-01T09:30', 'Europe/Paris', '2026-07-01T07:30:00.000Z'],
  ['2026-06-01T00:00', 'Asia/Kolkata', '2026-05-31T18:30:00.000Z'],
  ['2026-12-24T09:30', 'America/Sao_Paulo', '2026-12-24T12:30:00.000Z'],
  ['2026-12-24T09:30:15', 'UTC', '2026-12-24T09:30:15.000Z'],
  // The skipped hour (clocks forward) lands an hour later; the repeated one takes its first pass.
  ['2026-03-29T02:30', 'Europe/Paris', '2026-03-29T01:30:00.000Z'],
  ['2026-03-08T02:30', 'America/New_York', '2026-03-08T07:30:00.000Z'],
  ['2026-10-25T02:30', 'Europe/Paris', '2026-10-25T00:30:00.000Z'],
  ['2026-11-01T01:30', 'America/New_York', '2026-11-01T05:30:00.000Z'],
])('[scheduled] %s in %s is %s', (local, zone, instant) => {
  expect(zonedTimeToInstant(local, zone).toISOString()).toBe(instant);
});
