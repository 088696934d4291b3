// Quiet hours in the recipient's time zone (else the workspace's): nobody gets a campaign message
// between `from` and `to` local time; the window may wrap midnight (22:00 to 08:00).
import type { QuietHours } from '#api/campaigns/schemas';

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatter(timeZone: string): Intl.DateTimeFormat | null {
  if (!formatters.has(timeZone)) {
    try {
      formatters.set(
        timeZone,
        new Intl.DateTimeFormat('en-US', {
          timeZone,
          hour: '2-digit',
          minute: '2-digit',
          second: '2-digit',
          hourCycle: 'h23',
        }),
      );
    } catch {
      formatters.set(timeZone, null); // not a zone this runtime knows: the workspace's applies
    }
  }
  return formatters.get(timeZone) ?? null;
}

function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return h! * 60 + m!;
}

/**
 * When the recipient may be messaged again, or null when `now` is outside the quiet window.
 * `timeZone` is the contact's (may be null or unknown), `fallbackZone` the workspace's.
 */
export function quietUntil(
  quiet: QuietHours | null,
  now: Date,
  timeZone: string | null,
  fallbackZone: string,
): Date | null {
  if (!quiet) {
    return null;
  }
  const format = (timeZone ? formatter(timeZone) : null) ?? formatter(fallbackZone) ?? formatter('UTC')!;
  const parts = Object.fromEntries(format.formatToParts(now).map((p) => [p.type, p.value]));
  const seconds = Number(parts.hour) * 3600 + Number(parts.minute) * 60 + Number(parts.second);
  const from = minutesOf(quiet.from) * 60;
  const to = minutesOf(quiet.to) * 60;
  const inside = from < to ? seconds >= from && seconds < to : seconds >= from || seconds < to;
  if (!inside) {
    return null;
  }
  // Seconds until the local clock reads `to` (a DST change inside the window shifts it by an hour).
  const wait = (to - seconds + 86_400) % 86_400;
  return new Date(now.getTime() - now.getMilliseconds() + wait * 1000);
}
