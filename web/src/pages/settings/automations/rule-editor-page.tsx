// Settings → Automations → a rule: name and number, the trigger, conditions, the ordered actions
// and the window. Saved as a whole; the API's field errors (`trigger.keywords.0`, `actions.1.tag`)
// show at their field through the `errorFor` the sections receive.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, errorMessage } from '../../../api/api-error.ts';
import { useChannels } from '../../../api/channels-api.ts';
import { Button } from '../../../components/button.tsx';
import { Card } from '../../../components/card.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { ErrorState, LoadingState } from '../../../components/states.tsx';
import { ActionsSection } from './actions-section.tsx';
import { automationsKey, saveRule, useAutomationRule, type RuleDraft } from './automations-api.ts';
import { ConditionsSection, WindowSection } from './conditions-section.tsx';
import { FieldError, type ErrorFor } from './field-error.tsx';
import { TriggerSection } from './trigger-section.tsx';

const NEW_RULE: RuleDraft = {
  name: '',
  kind: 'custom',
  isEnabled: true,
  channelId: null,
  trigger: { type: 'keyword', keywords: [''], match: 'contains', caseSensitive: false },
  conditions: { match: 'all', items: [] },
  actions: [{ type: 'send_message', text: '' }],
  window: null,
};

export function RuleEditorPage() {
  const { automationId } = useParams();
  const existing = useAutomationRule(automationId);
  if (automationId && existing.isPending) {
    return <LoadingState />;
  }
  if (existing.error) {
    return <ErrorState error={existing.error} onRetry={() => void existing.refetch()} />;
  }
  const initial = existing.data ?? NEW_RULE;
  return <RuleForm key={automationId ?? 'new'} id={automationId ?? null} initial={initial} />;
}

function RuleForm({ id, initial }: { id: string | null; initial: RuleDraft }) {
  const [draft, setDraft] = useState<RuleDraft>({
    name: initial.name,
    description: initial.description ?? null,
    kind: initial.kind,
    isEnabled: initial.isEnabled,
    channelId: initial.channelId,
    trigger: initial.trigger,
    conditions: initial.conditions,
    actions: initial.actions,
    window: initial.window,
  });
  const channels = useChannels();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: () => saveRule(id, draft),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: automationsKey });
      await navigate('/settings/automations');
    },
  });
  const errorFor: ErrorFor = (path) =>
    save.error instanceof ApiError ? save.error.fields.find((f) => f.field === path)?.message : undefined;
  const update = (patch: Partial<RuleDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const fieldCount = save.error instanceof ApiError ? save.error.fields.length : 0;
  return (
    <div className="page">
      <PageHeader
        title={id ? `Edit "${initial.name}"` : 'New automation rule'}
        description="When the trigger happens and the conditions hold, the actions run in order; a failing action stops the run."
        actions={<Link to="/settings/automations">Back to rules</Link>}
      />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <Card title="Rule">
          <div className="field">
            <label className="field-label" htmlFor="rule-name">
              Name
            </label>
            <input
              id="rule-name"
              className="input"
              value={draft.name}
              onChange={(e) => update({ name: e.target.value })}
            />
            <FieldError message={errorFor('name')} />
          </div>
          <div className="field">
            <label className="field-label" htmlFor="rule-channel">
              Number
            </label>
            <select
              id="rule-channel"
              className="input"
              value={draft.channelId ?? ''}
              onChange={(e) => update({ channelId: e.target.value || null })}
            >
              <option value="">Every number</option>
              {channels.items.map((channel) => (
                <option key={channel.id} value={channel.id}>
                  {channel.name}
                </option>
              ))}
            </select>
            <FieldError message={errorFor('channelId')} />
          </div>
        </Card>
        <TriggerSection
          trigger={draft.trigger}
          kind={draft.kind}
          onChange={(trigger) => update({ trigger })}
          errorFor={errorFor}
        />
        <ConditionsSection
          conditions={draft.conditions}
          onChange={(conditions) => update({ conditions })}
          errorFor={errorFor}
        />
        <ActionsSection actions={draft.actions} onChange={(actions) => update({ actions })} errorFor={errorFor} />
        <WindowSection window={draft.window} onChange={(window) => update({ window })} errorFor={errorFor} />
        {save.error && fieldCount === 0 && <p className="field-error">{errorMessage(save.error)}</p>}
        {fieldCount > 0 && <p className="field-error">Check the fields marked above.</p>}
        <Button type="submit" variant="primary" isPending={save.isPending}>
          Save rule
        </Button>
      </form>
    </div>
  );
}
