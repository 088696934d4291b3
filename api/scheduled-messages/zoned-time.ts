// A wall-clock time in a time zone as an instant, with the runtime's own zone data (Intl), so no
// date library is needed. A time that does not exist (the hour skipped when clocks go forward)
// lands one hour later; a time that happens twice (clocks going back) takes the first one.

/** `2026-12-24T09:30` in `Europe/Paris` → the instant. */
export function zonedTimeToInstant(localTime: string, timeZone: string): Date {
  const [date = '', time = ''] = localTime.split('T');
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute, second = 0] = time.split(':').map(Number) as [number, number, number?];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  // The zone's offsets a day either side cover any one transition; each gives a candidate.
  const before = asUtc - offsetAt(asUtc - DAY, timeZone);
  const after = asUtc - offsetAt(asUtc + DAY, timeZone);
  const valid = [before, after].filter((instant) => wallTime(instant, timeZone) === asUtc);
  // None valid: a skipped hour, read with the offset before the jump (02:30 → 03:30).
  return new Date(valid.length > 0 ? Math.min(...valid) : before);
}

const DAY = 86_400_000;

/** How far `timeZone`'s clocks are ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  return wallTime(instant, timeZone) - Math.floor(instant / 1000) * 1000;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time shown in `timeZone` at `instant`, read as if it were UTC. */
function wallTime(instant: number, timeZone: string): number {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(new Date(instant)).map((p) => [p.type, Number(p.value)]));
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour! % 24, parts.minute!, parts.second!);
}
