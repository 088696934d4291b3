// Nodes that decide or wait without the customer: condition, set_variable, ab_split,
// business_hours and delay. All pure of I/O: workflow time, the seeded Math.random and a timer.
import { ApplicationFailure, patched } from '@temporalio/workflow';
import type { BusinessHours } from '#flow-dsl/business-hours';
import { isOpenAt } from '#flow-dsl/open-at';
import { evaluateConditions } from '#flow-dsl/condition-eval';
import type { AbSplitData } from '#flow-dsl/nodes/ab_split/schema';
import type { BusinessHoursData } from '#flow-dsl/nodes/business_hours/schema';
import type { ConditionData } from '#flow-dsl/nodes/condition/schema';
import type { DelayData } from '#flow-dsl/nodes/delay/schema';
import { delaySeconds } from '#flow-dsl/nodes/delay/units';
import type { SetVariableData } from '#flow-dsl/nodes/set_variable/schema';
import { pickVariant, stableDraw } from '#flow-dsl/split';
import { interpolate } from '#flow-dsl/template';
import { scopeOf } from '../session.ts';
import { pause } from '../wait.ts';
import { dataOf, next, type StepHandler } from './types.ts';

export const conditionStep: StepHandler = async (session, step) => {
  const data = dataOf<ConditionData>(step);
  return next(evaluateConditions(data.conditions, scopeOf(session)) ? 'true' : 'false');
};

export const setVariableStep: StepHandler = async (session, step) => {
  for (const { name, value } of dataOf<SetVariableData>(step).assignments) {
    if (name) {
      // Each assignment sees the ones before it ({{vars.a}} in the second).
      session.variables[name] = interpolate(value, scopeOf(session));
    }
  }
  return next();
};

const AB_SPLIT_STABLE_DRAW = 'ab-split-stable-draw';

export const abSplitStep: StepHandler = async (session, step) => {
  const { variants } = dataOf<AbSplitData>(step);
  if (variants.length === 0) {
    throw ApplicationFailure.nonRetryable('The A/B split has no variants', 'BadFlow');
  }
  // Sessions recorded before the stable draw replay with the workflow's seeded Math.random.
  const random = patched(AB_SPLIT_STABLE_DRAW)
    ? stableDraw(`${session.input.sessionId}:${step.id}:${session.seq}`)
    : Math.random();
  const variant = pickVariant(variants, random);
  return next(`variant:${variant.id}`);
};

export const businessHoursStep: StepHandler = async (session, step) => {
  const data = dataOf<BusinessHoursData>(step);
  // The workspace's hours were checked when the session's context was loaded (null: unusable).
  const hours = (data.hours === 'workspace' ? session.context.businessHours : data.hours) as BusinessHours | null;
  if (!hours?.days) {
    throw ApplicationFailure.nonRetryable('The business hours are not valid', 'BadFlow');
  }
  const timezone = data.timezone || session.context.timezone;
  try {
    return next(isOpenAt(hours, timezone, new Date()) ? 'open' : 'closed');
  } catch {
    throw ApplicationFailure.nonRetryable(`Unknown time zone "${timezone}"`, 'BadFlow');
  }
};

export const delayStep: StepHandler = async (session, step) => {
  const outcome = await pause(session, delaySeconds(dataOf<DelayData>(step)));
  return outcome === 'cancelled' ? { end: 'cancelled' } : next();
};
