// Settings → Teams & routing: teams and skills, channel rules, agents' availability and capacity,
// SLA policies (docs/routing.md). Everyone who can see the team sees it; teams.manage edits.
import { useCan } from '../../../auth/use-session.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { AgentsCard } from './agents-card.tsx';
import { RulesCard } from './rules-card.tsx';
import { SlaCard } from './sla-card.tsx';
import { TeamsCard } from './teams-card.tsx';

export function RoutingPage() {
  const can = useCan();
  const canManage = can('teams.manage');
  return (
    <div className="page">
      <PageHeader
        title="Teams & routing"
        description="Who answers new conversations, how they are shared out, and how fast they should be answered."
      />
      <TeamsCard canManage={canManage} />
      <RulesCard canManage={canManage} />
      <AgentsCard canManage={canManage} />
      <SlaCard canManage={canManage} />
    </div>
  );
}
