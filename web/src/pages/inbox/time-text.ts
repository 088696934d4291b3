// Short durations for the inbox: list times ("5m", "3h", "2d"), waiting badges that turn amber
// then red, and the 24-hour window's remaining time. Pure, unit tested.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How long a customer may wait before the badge turns amber, then red. */
export const WAIT_WARNING_MS = 15 * MINUTE;
export const WAIT_BREACH_MS = 60 * MINUTE;

export function formatDuration(ms: number): string {
  const safe = Math.max(0, ms);
  if (safe < MINUTE) {
    return `${Math.floor(safe / 1000)}s`;
  }
  if (safe < HOUR) {
    return `${Math.floor(safe / MINUTE)}m`;
  }
  if (safe < DAY) {
    const hours = Math.floor(safe / HOUR);
    const minutes = Math.floor((safe % HOUR) / MINUTE);
    return minutes > 0 && hours < 10 ? `${hours}h ${minutes}m` : `${hours}h`;
  }
  return `${Math.floor(safe / DAY)}d`;
}

/** "now" under a minute, else the compact duration since. */
export function formatShortAgo(date: Date, now: number): string {
  const ms = now - date.getTime();
  return ms < MINUTE ? 'now' : formatDuration(ms);
}

export type WaitingLevel = { level: 'ok' | 'warning' | 'breach'; text: string };

export function waitingLevel(since: Date, now: number): WaitingLevel {
  const ms = now - since.getTime();
  const level = ms >= WAIT_BREACH_MS ? 'breach' : ms >= WAIT_WARNING_MS ? 'warning' : 'ok';
  return { level, text: formatDuration(ms) };
}

export type WindowState = { isOpen: boolean; text: string; isEnding: boolean };

/** The 24-hour customer-service window: free-form replies only while it is open. */
export function windowState(closesAt: Date | null, now: number): WindowState {
  if (!closesAt || closesAt.getTime() <= now) {
    return { isOpen: false, text: 'The 24-hour window is closed: only a template can be sent', isEnding: false };
  }
  const left = closesAt.getTime() - now;
  return { isOpen: true, text: `${formatDuration(left)} left to reply freely`, isEnding: left < HOUR };
}

type Sla = { firstResponseDueAt: Date | null; resolutionDueAt: Date | null; state: 'ok' | 'warning' | 'breached' };

/** The SLA badge of a list row: shown once a target is at risk (warning) or missed (breached). */
export function slaBadge(
  sla: Sla | null,
  now: number,
): { level: 'warning' | 'breach'; text: string; title: string } | null {
  if (!sla || sla.state === 'ok') {
    return null;
  }
  const due = [sla.firstResponseDueAt, sla.resolutionDueAt]
    .filter((d): d is Date => d !== null)
    .sort((a, b) => a.getTime() - b.getTime())[0];
  const what = due === sla.firstResponseDueAt ? 'First response' : 'Resolution';
  if (sla.state === 'breached') {
    const late = due ? ` ${formatDuration(now - due.getTime())}` : '';
    return { level: 'breach', text: `SLA late${late}`, title: `${what} target missed` };
  }
  const left = due ? ` ${formatDuration(due.getTime() - now)}` : '';
  return { level: 'warning', text: `SLA due${left}`, title: `${what} due soon` };
}
