// Greeting and away messages per number: each is an automation rule of kind greeting or away on
// that channel, switched on with its text here (away uses the workspace's business hours and
// answers a conversation at most once per cooldown). The full editor shows the same rules.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AutomationRule } from '#api/automations/schemas';
import { ApiError, errorMessage } from '../../../api/api-error.ts';
import { useChannels } from '../../../api/channels-api.ts';
import { Button } from '../../../components/button.tsx';
import { Card } from '../../../components/card.tsx';
import { automationsKey, saveRule, setRuleEnabled, type RuleDraft } from './automations-api.ts';

type Kind = 'greeting' | 'away';
const DEFAULT_TEXT: Record<Kind, string> = {
  greeting: 'Hi {{contact.name}}, thanks for writing! An agent will be with you shortly.',
  away: 'Thanks for your message! We are closed right now and will answer when we are back.',
};

export function QuickSetupCard({ rules, isLoading }: { rules: AutomationRule[]; isLoading: boolean }) {
  const channels = useChannels();
  if (isLoading || channels.isPending || channels.items.length === 0) {
    return null;
  }
  return (
    <Card
      title="Greeting and away messages"
      description="Per number. Away messages follow the workspace's business hours."
    >
      {channels.items.map((channel) => (
        <div key={channel.id} className="card-body">
          <h3>{channel.name}</h3>
          {(['greeting', 'away'] as const).map((kind) => (
            <QuickRule
              key={kind}
              kind={kind}
              channelId={channel.id}
              channelName={channel.name}
              rule={rules.find((r) => r.kind === kind && r.channelId === channel.id) ?? null}
            />
          ))}
        </div>
      ))}
    </Card>
  );
}

function QuickRule(props: { kind: Kind; channelId: string; channelName: string; rule: AutomationRule | null }) {
  const { kind, channelId, rule } = props;
  const first = rule?.actions[0];
  const [text, setText] = useState(first?.type === 'send_message' ? first.text : DEFAULT_TEXT[kind]);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: () => {
      const draft: RuleDraft = {
        name: `${kind === 'greeting' ? 'Greeting' : 'Away message'} – ${props.channelName}`,
        kind,
        isEnabled: true,
        channelId,
        trigger: kind === 'greeting' ? { type: 'greeting' } : { type: 'away', hours: null, cooldownHours: 12 },
        conditions: { match: 'all', items: [] },
        actions: [{ type: 'send_message', text }],
        window: null,
      };
      return saveRule(rule?.id ?? null, rule ? { ...draft, trigger: rule.trigger } : draft);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: automationsKey }),
  });
  const turnOff = useMutation({
    mutationFn: () => setRuleEnabled(rule?.id ?? '', false),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: automationsKey }),
  });
  const id = `${kind}-${channelId}`;
  const error =
    save.error instanceof ApiError ? save.error.fields.find((f) => f.field.startsWith('actions'))?.message : null;
  const label = kind === 'greeting' ? 'Greeting message' : 'Away message';
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label} {rule?.isEnabled ? '(on)' : '(off)'}
      </label>
      <textarea id={id} className="input" rows={2} value={text} onChange={(e) => setText(e.target.value)} />
      {error ? (
        <p className="field-error">{error}</p>
      ) : (
        save.error && <p className="field-error">{errorMessage(save.error)}</p>
      )}
      <Button size="sm" variant="primary" isPending={save.isPending} onClick={() => save.mutate()}>
        {rule?.isEnabled ? `Save ${label.toLowerCase()}` : `Turn on ${label.toLowerCase()}`}
      </Button>{' '}
      {rule?.isEnabled && (
        <Button size="sm" variant="ghost" isPending={turnOff.isPending} onClick={() => turnOff.mutate()}>
          Turn off
        </Button>
      )}
    </div>
  );
}
