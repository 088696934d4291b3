// A conversation's SLA state from its stored clock (the routing migration's triggers keep it):
// breached once a target still to meet is past, warning once SLA_WARNING_SHARE of it has passed.
// Pure, so the inbox list, the breach sweep and tests agree.
import { SLA_WARNING_SHARE, type ConversationSla, type SlaStateName } from './schemas.ts';

export type SlaClock = {
  slaStartedAt: Date | null;
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
};

export function slaOf(clock: SlaClock, now: Date = new Date()): ConversationSla {
  const dues = [clock.firstResponseDueAt, clock.resolutionDueAt].filter((due): due is Date => due !== null);
  if (dues.length === 0) {
    return null;
  }
  return {
    firstResponseDueAt: clock.firstResponseDueAt,
    resolutionDueAt: clock.resolutionDueAt,
    state: worst(dues.map((due) => stateOf(clock.slaStartedAt, due, now))),
  };
}

function stateOf(startedAt: Date | null, due: Date, now: Date): SlaStateName {
  if (now.getTime() >= due.getTime()) {
    return 'breached';
  }
  const start = startedAt?.getTime() ?? due.getTime();
  const warnFrom = start + (due.getTime() - start) * SLA_WARNING_SHARE;
  return now.getTime() >= warnFrom ? 'warning' : 'ok';
}

function worst(states: SlaStateName[]): SlaStateName {
  return states.includes('breached') ? 'breached' : states.includes('warning') ? 'warning' : 'ok';
}
