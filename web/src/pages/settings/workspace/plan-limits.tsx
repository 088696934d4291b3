import type { Workspace } from '#api/workspace/schemas';
import { Card } from '../../../components/card.tsx';

/** The plan's limits, read-only: the operator of the installation sets them. */
export function PlanLimits({ workspace }: { workspace: Workspace }) {
  const { maxMessagesPerDay, maxMessagesPerMonth } = workspace.settings;
  const quota = (value: number | null) => (value === null ? 'Unlimited' : value.toLocaleString());
  const facts: Array<[string, string]> = [
    ['Messages per day (UTC)', quota(maxMessagesPerDay)],
    ['Messages per month', quota(maxMessagesPerMonth)],
    ['API requests per minute', workspace.apiRequestsPerMinute.toLocaleString()],
  ];
  return (
    <Card title="Plan">
      <div className="form-stack">
        <dl className="contact-facts" aria-label="Plan limits">
          {facts.map(([label, value]) => (
            <div className="contact-fact" key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <p className="muted">
          These limits come with your plan. To change them, ask whoever runs this Parley installation.
        </p>
      </div>
    </Card>
  );
}
