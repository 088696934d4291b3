// The automation rules' activities (workflows/automation), one operation per file.
import '#api/automations/register-listener';
import type { ActivityDeps } from '../deps.ts';
import { createFireTimeRuleActivity } from './fire-time-rule.ts';
import { createRunAutomationActionActivity } from './run-action.ts';
import { createRunBookkeepingActivities } from './run-bookkeeping.ts';

export function createAutomationActivities(deps: ActivityDeps) {
  return {
    ...createRunBookkeepingActivities(deps),
    runAutomationAction: createRunAutomationActionActivity(deps),
    fireTimeRule: createFireTimeRuleActivity(deps),
  };
}
