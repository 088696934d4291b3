// Hand off: who gets the conversation (the shared queue, a team or an agent), what the customer is
// told, and how long the flow waits for an agent to hand it back.
import type { HandoffTarget } from '#flow-dsl/nodes/handoff/schema';
import { ChoiceField } from '../controls/choice-field.tsx';
import { ResourceSelect } from '../controls/resource-select.tsx';
import { SpecField } from '../controls/spec-field.tsx';
import { TextField } from '../controls/text-field.tsx';
import { useAgents } from '../data/workspace-resources.ts';
import { specProps, type EditorProps } from './editor-props.ts';

const TARGETS = [
  { value: 'unassigned' as const, label: 'Anyone' },
  { value: 'team' as const, label: 'A team' },
  { value: 'agent' as const, label: 'An agent' },
];

function targetOf(type: HandoffTarget['type']): HandoffTarget {
  return type === 'team' ? { type, teamId: '' } : type === 'agent' ? { type, userId: '' } : { type };
}

export function HandoffEditor(props: EditorProps<'handoff'>) {
  const { data, onChange } = props;
  const { target } = data;
  const agents = useAgents(target.type === 'agent');
  return (
    <>
      <ChoiceField
        label="Assign to"
        path="target"
        value={target.type}
        options={TARGETS}
        hint={
          target.type === 'unassigned'
            ? 'The conversation waits in the shared inbox for whoever picks it up.'
            : undefined
        }
        onChange={(type) => onChange({ ...data, target: targetOf(type) })}
      />
      {target.type === 'team' && (
        <TextField
          label="Team id"
          path="target.teamId"
          value={target.teamId}
          mono
          onChange={(teamId) => onChange({ ...data, target: { type: 'team', teamId: teamId.trim() } })}
        />
      )}
      {target.type === 'agent' && (
        <ResourceSelect
          label="Agent"
          path="target.userId"
          value={target.userId}
          resource={agents}
          placeholder="Choose an agent…"
          emptyHint="No team members to choose from."
          onChange={(userId) => onChange({ ...data, target: { type: 'agent', userId } })}
        />
      )}
      <SpecField {...specProps('handoff', props, 'message')} />
      <SpecField {...specProps('handoff', props, 'waitHours')} />
      <p className="inspector-note">
        Leaves by “Handed back” when an agent hands the conversation back, or by “No answer” after the wait.
      </p>
    </>
  );
}
