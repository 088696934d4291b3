// The campaign calendar's month grid: Monday-first whole weeks covering exactly the month.
import { monthGrid, parseMonth, shiftMonth } from '../../../web/src/pages/campaigns/calendar-grid.ts';

describe('monthGrid', () => {
  it('covers every day of the month in Monday-first weeks', () => {
    for (const month of ['2026-02', '2026-03', '2026-12', '2027-02', '2024-02']) {
      const weeks = monthGrid(month);
      const days = weeks.flat();
      expect(weeks.every((w) => w.length === 7)).toBe(true);
      expect(new Date(`${days[0]!.date}T12:00:00`).getDay()).toBe(1);
      const [year, m] = parseMonth(month);
      const inMonth = days.filter((d) => d.inMonth).map((d) => d.date);
      expect(inMonth[0]).toBe(`${month}-01`);
      expect(inMonth).toHaveLength(new Date(year, m, 0).getDate());
      expect(days.filter((d) => d.inMonth).every((d) => d.date.startsWith(month))).toBe(true);
      expect(weeks.length).toBeLessThanOrEqual(6);
    }
  });

  it('moves across years', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2027-01', -1)).toBe('2026-12');
  });
});
