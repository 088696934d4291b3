import { SLA_PRIORITIES, type SlaPolicy } from '#api/sla/schemas';
import { createSlaPolicy, deleteSlaPolicy, updateSlaPolicy, useSlaPolicies } from '../../../api/routing-api.ts';
import { Card } from '../../../components/card.tsx';
import { ErrorState, LoadingState } from '../../../components/states.tsx';
import { NumberInput } from './number-input.tsx';
import { useRoutingAction } from './use-routing-action.ts';

type Targets = { firstResponseSeconds: number | null; resolutionSeconds: number | null };

/** First-response and resolution targets per priority, in minutes (the API counts seconds). */
export function SlaCard({ canManage }: { canManage: boolean }) {
  const policies = useSlaPolicies();
  const save = useRoutingAction(
    ({ priority, policy, targets }: { priority: string; policy: SlaPolicy | undefined; targets: Targets }) => {
      const isEmpty = targets.firstResponseSeconds === null && targets.resolutionSeconds === null;
      if (!policy) {
        return isEmpty ? Promise.resolve() : createSlaPolicy({ priority, ...targets });
      }
      return isEmpty ? deleteSlaPolicy(policy.id) : updateSlaPolicy(policy.id, targets);
    },
    'SLA saved',
  );
  return (
    <Card
      title="SLA policies"
      description="Targets from when a conversation opens or reopens. Breaches show in the inbox and notify the agent (or the team) once."
      flush
    >
      {policies.isPending ? (
        <LoadingState />
      ) : policies.error ? (
        <ErrorState error={policies.error} onRetry={() => void policies.refetch()} />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Priority</th>
                <th scope="col">First response (minutes)</th>
                <th scope="col">Resolution (minutes)</th>
              </tr>
            </thead>
            <tbody>
              {[...SLA_PRIORITIES].reverse().map((priority) => {
                const policy = policies.data.items.find((p) => p.priority === priority);
                const targets: Targets = {
                  firstResponseSeconds: policy?.firstResponseSeconds ?? null,
                  resolutionSeconds: policy?.resolutionSeconds ?? null,
                };
                const minutes = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 60));
                const seconds = (value: number | null) => (value === null ? null : value * 60);
                return (
                  <tr key={`${priority}-${policy?.updatedAt.getTime() ?? 0}`}>
                    <td className="cell-strong">{priority === 'none' ? 'No priority' : priority}</td>
                    <td>
                      <NumberInput
                        label={`First response target for ${priority}`}
                        value={minutes(targets.firstResponseSeconds)}
                        placeholder="No target"
                        min={1}
                        disabled={!canManage}
                        onSave={(value) =>
                          save.mutate({
                            priority,
                            policy,
                            targets: { ...targets, firstResponseSeconds: seconds(value) },
                          })
                        }
                      />
                    </td>
                    <td>
                      <NumberInput
                        label={`Resolution target for ${priority}`}
                        value={minutes(targets.resolutionSeconds)}
                        placeholder="No target"
                        min={1}
                        disabled={!canManage}
                        onSave={(value) =>
                          save.mutate({ priority, policy, targets: { ...targets, resolutionSeconds: seconds(value) } })
                        }
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
