// The SLA state the inbox shows: ok, warning once three quarters of a remaining target have
// passed, breached once one has passed; null when nothing is left to meet.
import { slaOf } from '#api/sla/sla-state';

const start = new Date('2026-12-06T10:00:00.000Z');
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

describe('[routing] SLA state', () => {
  it('is null with no due time left', () => {
    expect(slaOf({ slaStartedAt: start, firstResponseDueAt: null, resolutionDueAt: null }, at(5))).toBeNull();
  });

  it('goes ok → warning → breached over a target', () => {
    const clock = { slaStartedAt: start, firstResponseDueAt: at(20), resolutionDueAt: null };
    expect(slaOf(clock, at(14))?.state).toBe('ok');
    expect(slaOf(clock, at(15))?.state).toBe('warning');
    expect(slaOf(clock, at(20))?.state).toBe('breached');
  });

  it('shows the worst of its targets', () => {
    const clock = { slaStartedAt: start, firstResponseDueAt: at(10), resolutionDueAt: at(600) };
    expect(slaOf(clock, at(11))).toEqual({ firstResponseDueAt: at(10), resolutionDueAt: at(600), state: 'breached' });
    expect(slaOf({ ...clock, firstResponseDueAt: null }, at(460))?.state).toBe('warning');
  });
});
