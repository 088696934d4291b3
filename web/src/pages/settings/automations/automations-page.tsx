// Settings → Automations: the workspace's rules with an enable switch and their last run, the
// greeting and away quick setup per number, and the way to the editor and each rule's run log.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { AutomationRule } from '#api/automations/schemas';
import { errorMessage } from '../../../api/api-error.ts';
import { Button } from '../../../components/button.tsx';
import { Card } from '../../../components/card.tsx';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states.tsx';
import { automationsKey, deleteRule, duplicateRule, setRuleEnabled, useAutomationRules } from './automations-api.ts';
import { QuickSetupCard } from './quick-setup-card.tsx';
import { RunStatusBadge, triggerSummary } from './rule-labels.tsx';

export function AutomationsPage() {
  const rules = useAutomationRules();
  const queryClient = useQueryClient();
  const [deleting, setDeleting] = useState<AutomationRule | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: automationsKey });
  const toggle = useMutation({
    mutationFn: (rule: AutomationRule) => setRuleEnabled(rule.id, !rule.isEnabled),
    onSuccess: refresh,
  });
  const duplicate = useMutation({ mutationFn: (rule: AutomationRule) => duplicateRule(rule.id), onSuccess: refresh });
  return (
    <div className="page">
      <PageHeader
        title="Automations"
        description="Rules that act within seconds when something happens: a message, a keyword, a new or resolved conversation, a contact change, a tag, or a time."
        actions={
          <Link className="btn btn-primary" to="/settings/automations/new">
            New rule
          </Link>
        }
      />
      <QuickSetupCard rules={rules.items} isLoading={rules.isPending} />
      <Card flush title="Rules">
        {rules.isPending ? (
          <LoadingState />
        ) : rules.error ? (
          <ErrorState error={rules.error} onRetry={rules.refetch} />
        ) : rules.items.length === 0 ? (
          <EmptyState
            title="No automation rules yet"
            description="Create a rule, or switch on a greeting or away message above."
          />
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Enabled</th>
                  <th scope="col">Rule</th>
                  <th scope="col">When</th>
                  <th scope="col">Last run</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rules.items.map((rule) => (
                  <tr key={rule.id}>
                    <td>
                      <input
                        type="checkbox"
                        role="switch"
                        aria-label={`Enable ${rule.name}`}
                        checked={rule.isEnabled}
                        disabled={toggle.isPending}
                        onChange={() => toggle.mutate(rule)}
                      />
                    </td>
                    <td className="cell-strong">
                      <Link to={`/settings/automations/${rule.id}`}>{rule.name}</Link>
                    </td>
                    <td className="cell-muted">{triggerSummary(rule.trigger)}</td>
                    <td>
                      {rule.lastRunAt ? (
                        <Link to={`/settings/automations/${rule.id}/runs`}>
                          <RunStatusBadge status={rule.lastRunStatus} /> {rule.lastRunAt.toLocaleString()}
                        </Link>
                      ) : (
                        <span className="cell-muted">Never</span>
                      )}
                    </td>
                    <td className="cell-actions">
                      <Link className="btn btn-ghost btn-sm" to={`/settings/automations/${rule.id}/runs`}>
                        Runs
                      </Link>
                      <Button size="sm" variant="ghost" onClick={() => duplicate.mutate(rule)}>
                        Duplicate
                      </Button>
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-label={`Delete ${rule.name}`}
                        onClick={() => setDeleting(rule)}
                      >
                        Delete
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {(toggle.error ?? duplicate.error) && (
          <p className="field-error">{errorMessage(toggle.error ?? duplicate.error)}</p>
        )}
      </Card>
      {deleting && (
        <ConfirmDialog
          title={`Delete "${deleting.name}"?`}
          message="The rule and its run log are deleted. Disable it instead to keep them."
          confirmLabel="Delete"
          onConfirm={async () => {
            await deleteRule(deleting.id);
            await refresh();
          }}
          onClose={() => setDeleting(null)}
        />
      )}
    </div>
  );
}
