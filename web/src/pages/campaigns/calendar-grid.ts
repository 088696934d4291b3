// The month grid of the campaign calendar: whole weeks from Monday, in the browser's time zone,
// and the calendar route's from/to for them. Dates are local calendar days ("2026-12-24").

export type CalendarDay = { date: string; inMonth: boolean };

/** "2026-12" for a date's month. */
export function monthOf(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}`;
}

export function shiftMonth(month: string, by: number): string {
  const [year, m] = parseMonth(month);
  return monthOf(new Date(year, m - 1 + by, 1));
}

export function parseMonth(month: string): [number, number] {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  const year = match ? Number(match[1]) : new Date().getFullYear();
  const m = match ? Number(match[2]) : new Date().getMonth() + 1;
  return [year, m >= 1 && m <= 12 ? m : 1];
}

/** Six or fewer Monday-first weeks covering the month. */
export function monthGrid(month: string): CalendarDay[][] {
  const [year, m] = parseMonth(month);
  const first = new Date(year, m - 1, 1);
  const start = new Date(year, m - 1, 1 - ((first.getDay() + 6) % 7));
  const weeks: CalendarDay[][] = [];
  const cursor = new Date(start);
  while (weeks.length === 0 || cursor.getMonth() === m - 1) {
    const week: CalendarDay[] = [];
    for (let d = 0; d < 7; d += 1) {
      week.push({ date: localDate(cursor), inMonth: cursor.getMonth() === m - 1 });
      cursor.setDate(cursor.getDate() + 1);
    }
    weeks.push(week);
  }
  return weeks;
}

export function localDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
