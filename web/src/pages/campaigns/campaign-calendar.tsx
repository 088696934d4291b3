// Campaigns → Calendar: a month of scheduled starts, recurring occurrences still to come and runs
// that happened, each linking to its results. Days are the browser's local days.
import { Link } from 'react-router';
import type { CalendarEntry } from '#api/campaigns/schemas';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { ErrorState, LoadingState } from '../../components/states.tsx';
import { cx } from '../../lib/cx.ts';
import { localDate, monthGrid, monthOf, parseMonth, shiftMonth } from './calendar-grid.ts';
import { STATUS_LABELS } from './campaign-status.tsx';
import { useCampaignCalendar } from './campaigns-api.ts';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' });

export function CampaignCalendar({
  month: requested,
  onMonth,
}: {
  month: string | null;
  onMonth: (m: string) => void;
}) {
  const month = requested ?? monthOf(new Date());
  const weeks = monthGrid(month);
  const from = weeks[0]![0]!.date;
  const to = weeks[weeks.length - 1]![6]!.date;
  const calendar = useCampaignCalendar(from, to);
  const byDay = new Map<string, CalendarEntry[]>();
  for (const entry of calendar.data?.items ?? []) {
    const day = localDate(entry.at);
    byDay.set(day, [...(byDay.get(day) ?? []), entry]);
  }
  const [year, m] = parseMonth(month);
  const today = localDate(new Date());
  return (
    <Card
      title={<span data-testid="calendar-month">{monthFormat.format(new Date(year, m - 1, 1))}</span>}
      actions={
        <>
          <Button
            size="sm"
            icon="chevronLeft"
            aria-label="Previous month"
            onClick={() => onMonth(shiftMonth(month, -1))}
          />
          <Button size="sm" onClick={() => onMonth(monthOf(new Date()))}>
            Today
          </Button>
          <Button size="sm" icon="chevronRight" aria-label="Next month" onClick={() => onMonth(shiftMonth(month, 1))} />
        </>
      }
    >
      {calendar.isPending ? (
        <LoadingState />
      ) : calendar.error ? (
        <ErrorState error={calendar.error} onRetry={() => void calendar.refetch()} />
      ) : (
        <table className="campaign-calendar" aria-label="Campaign calendar">
          <thead>
            <tr>
              {WEEKDAYS.map((d) => (
                <th key={d} scope="col">
                  {d}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={week[0]!.date}>
                {week.map((day) => (
                  <td
                    key={day.date}
                    data-date={day.date}
                    className={cx(!day.inMonth && 'is-outside', day.date === today && 'is-today')}
                  >
                    <div className="campaign-calendar-day">{Number(day.date.slice(8))}</div>
                    {(byDay.get(day.date) ?? []).map((entry) => (
                      <Link
                        key={`${entry.campaignId}-${entry.at.toISOString()}`}
                        className={cx(
                          'campaign-calendar-entry',
                          `is-${entry.status}`,
                          entry.runId === null && 'is-upcoming',
                        )}
                        to={`/campaigns/${entry.campaignId}${entry.runId ? `?runId=${entry.runId}` : ''}`}
                        title={`${entry.name}: ${STATUS_LABELS[entry.status]}${entry.recurring ? ' (recurring)' : ''}`}
                      >
                        <span className="campaign-calendar-time">{timeFormat.format(entry.at)}</span> {entry.name}
                        {entry.recurring && <span aria-label="recurring"> ↻</span>}
                      </Link>
                    ))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
