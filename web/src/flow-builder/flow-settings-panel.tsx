// The flow's own settings: what starts it (keywords, new conversations, outside business hours, or
// only the API and tests), on which numbers and with what priority, and the variables it expects
// from outside (an API run or the test panel) with their defaults.
import type { FlowDocument } from '#flow-dsl/document';
import type { Keyword, Trigger } from '#flow-dsl/triggers';
import { useChannels } from '../api/channels-api.ts';
import { Button } from '../components/button.tsx';
import type { FlowEditor } from './use-flow-editor.ts';

const TRIGGER_TYPES: Array<[Trigger['type'], string]> = [
  ['keyword', 'When the customer says a keyword'],
  ['new_conversation', 'When a new conversation starts'],
  ['outside_business_hours', 'When someone writes outside business hours'],
  ['manual', 'Only from the API and the test panel'],
];

export function FlowSettingsPanel({ editor, readOnly }: { editor: FlowEditor; readOnly: boolean }) {
  const { document } = editor;
  const trigger = document.trigger;
  const setTrigger = (next: Trigger) => editor.change((d) => ({ ...d, trigger: next }), 'trigger');
  const setVariables = (variables: FlowDocument['variables']) =>
    editor.change((d) => ({ ...d, variables }), 'variables');

  return (
    <div className="fb-panel-body form-stack">
      <fieldset className="fb-fieldset" disabled={readOnly}>
        <legend>Trigger</legend>
        <label className="field-label" htmlFor="fb-trigger-type">
          Start this flow
        </label>
        <select
          id="fb-trigger-type"
          className="input"
          value={trigger.type}
          onChange={(e) => setTrigger(switchTrigger(trigger, e.target.value as Trigger['type']))}
        >
          {TRIGGER_TYPES.map(([type, label]) => (
            <option key={type} value={type}>
              {label}
            </option>
          ))}
        </select>
        {trigger.type === 'keyword' && (
          <KeywordsEditor keywords={trigger.keywords} onChange={(keywords) => setTrigger({ ...trigger, keywords })} />
        )}
        {trigger.type !== 'manual' && <ChannelsAndPriority trigger={trigger} onChange={setTrigger} />}
        <p className="field-hint">The trigger goes live when you publish.</p>
      </fieldset>
      <fieldset className="fb-fieldset" disabled={readOnly}>
        <legend>Variables from outside</legend>
        <p className="field-hint">Values an API run or a test can pass in; the default is used otherwise.</p>
        {document.variables.map((variable, i) => (
          <div key={i} className="fb-row">
            <input
              className="input"
              aria-label={`Variable ${i + 1} name`}
              value={variable.name}
              onChange={(e) =>
                setVariables(document.variables.map((v, j) => (j === i ? { ...v, name: e.target.value } : v)))
              }
            />
            <input
              className="input"
              aria-label={`Variable ${i + 1} default`}
              placeholder="Default"
              value={variable.defaultValue === undefined ? '' : String(variable.defaultValue)}
              onChange={(e) =>
                setVariables(document.variables.map((v, j) => (j === i ? { ...v, defaultValue: e.target.value } : v)))
              }
            />
            <Button
              size="sm"
              variant="ghost"
              aria-label={`Remove variable ${i + 1}`}
              onClick={() => setVariables(document.variables.filter((_, j) => j !== i))}
            >
              Remove
            </Button>
          </div>
        ))}
        <Button
          size="sm"
          onClick={() => setVariables([...document.variables, { name: `var_${document.variables.length + 1}` }])}
        >
          Add variable
        </Button>
      </fieldset>
    </div>
  );
}

function KeywordsEditor({ keywords, onChange }: { keywords: Keyword[]; onChange: (k: Keyword[]) => void }) {
  return (
    <div className="form-stack">
      {keywords.map((keyword, i) => (
        <div key={i} className="fb-row">
          <input
            className="input"
            aria-label={`Keyword ${i + 1}`}
            value={keyword.value}
            onChange={(e) => onChange(keywords.map((k, j) => (j === i ? { ...k, value: e.target.value } : k)))}
          />
          <select
            className="input"
            aria-label={`Keyword ${i + 1} match`}
            value={keyword.match}
            onChange={(e) =>
              onChange(keywords.map((k, j) => (j === i ? { ...k, match: e.target.value as Keyword['match'] } : k)))
            }
          >
            <option value="exact">is exactly</option>
            <option value="contains">contains</option>
            <option value="regex">matches pattern</option>
          </select>
          <Button
            size="sm"
            variant="ghost"
            aria-label={`Remove keyword ${i + 1}`}
            onClick={() => onChange(keywords.filter((_, j) => j !== i))}
          >
            Remove
          </Button>
        </div>
      ))}
      <Button size="sm" onClick={() => onChange([...keywords, { value: '', match: 'exact' }])}>
        Add keyword
      </Button>
    </div>
  );
}

type RoutedTrigger = Exclude<Trigger, { type: 'manual' }>;

function ChannelsAndPriority({ trigger, onChange }: { trigger: RoutedTrigger; onChange: (t: Trigger) => void }) {
  const channels = useChannels();
  const toggle = (id: string, on: boolean) =>
    onChange({ ...trigger, channelIds: on ? [...trigger.channelIds, id] : trigger.channelIds.filter((c) => c !== id) });
  return (
    <div className="form-stack">
      <span className="field-label">Numbers</span>
      <p className="field-hint">None ticked: every number of the workspace.</p>
      {channels.items.map((channel) => (
        <label key={channel.id} className="fb-check">
          <input
            type="checkbox"
            checked={trigger.channelIds.includes(channel.id)}
            onChange={(e) => toggle(channel.id, e.target.checked)}
          />
          {channel.name}
          {channel.displayPhoneNumber ? ` (${channel.displayPhoneNumber})` : ''}
        </label>
      ))}
      <label className="field-label" htmlFor="fb-trigger-priority">
        Priority
      </label>
      <input
        id="fb-trigger-priority"
        className="input"
        type="number"
        value={trigger.priority}
        onChange={(e) => onChange({ ...trigger, priority: Math.trunc(Number(e.target.value) || 0) })}
      />
      <p className="field-hint">When several flows match a message, the highest priority starts.</p>
    </div>
  );
}

function switchTrigger(current: Trigger, type: Trigger['type']): Trigger {
  if (type === current.type) {
    return current;
  }
  const shared =
    current.type === 'manual'
      ? { channelIds: [], priority: 0 }
      : { channelIds: current.channelIds, priority: current.priority };
  switch (type) {
    case 'manual':
      return { type };
    case 'keyword':
      return { type, keywords: [], ...shared };
    default:
      return { type, ...shared };
  }
}
