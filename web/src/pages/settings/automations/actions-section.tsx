// The ordered actions: add, remove, move up, and each type's settings.
import { ACTION_LABELS, type AutomationAction } from '#api/automations/schemas';
import { Button } from '../../../components/button.tsx';
import { Card } from '../../../components/card.tsx';
import { FieldError, type ErrorFor } from './field-error.tsx';
import { TextInput } from './trigger-section.tsx';

type Props = { actions: AutomationAction[]; onChange: (actions: AutomationAction[]) => void; errorFor: ErrorFor };

const DEFAULTS: Record<AutomationAction['type'], AutomationAction> = {
  send_message: { type: 'send_message', text: '' },
  send_template: { type: 'send_template', templateName: '', language: 'en_US', bodyVariables: [] },
  assign: { type: 'assign', target: { type: 'unassigned' } },
  add_tag: { type: 'add_tag', tag: '' },
  remove_tag: { type: 'remove_tag', tag: '' },
  update_field: { type: 'update_field', field: 'fields.', value: '' },
  start_flow: { type: 'start_flow', flowId: '' },
  call_webhook: { type: 'call_webhook', url: 'https://' },
  close_conversation: { type: 'close_conversation' },
};

export function ActionsSection({ actions, onChange, errorFor }: Props) {
  const set = (index: number, action: AutomationAction) => onChange(actions.map((a, i) => (i === index ? action : a)));
  const move = (index: number) => {
    const next = [...actions];
    [next[index - 1], next[index]] = [next[index] as AutomationAction, next[index - 1] as AutomationAction];
    onChange(next);
  };
  return (
    <Card title="Then">
      {actions.map((action, index) => {
        const path = `actions.${index}`;
        return (
          <fieldset key={index} className="field">
            <legend>Action {index + 1}</legend>
            <select
              aria-label={`Action ${index + 1} type`}
              className="input"
              value={action.type}
              onChange={(e) => set(index, DEFAULTS[e.target.value as AutomationAction['type']])}
            >
              {Object.entries(ACTION_LABELS).map(([type, label]) => (
                <option key={type} value={type}>
                  {label}
                </option>
              ))}
            </select>
            <FieldError message={errorFor(`${path}.type`)} />
            <ActionFields action={action} path={path} onChange={(a) => set(index, a)} errorFor={errorFor} />
            {index > 0 && (
              <Button size="sm" variant="ghost" onClick={() => move(index)}>
                Move up
              </Button>
            )}
            <Button size="sm" variant="ghost" onClick={() => onChange(actions.filter((_, i) => i !== index))}>
              Remove
            </Button>
          </fieldset>
        );
      })}
      <FieldError message={errorFor('actions')} />
      <Button size="sm" icon="plus" onClick={() => onChange([...actions, DEFAULTS.add_tag])}>
        Add action
      </Button>
    </Card>
  );
}

function ActionFields(props: {
  action: AutomationAction;
  path: string;
  onChange: (a: AutomationAction) => void;
  errorFor: ErrorFor;
}) {
  const { action, path, onChange, errorFor } = props;
  const input = (key: string, label: string, value: string, apply: (value: string) => AutomationAction) => (
    <TextInput
      id={`${path}.${key}`}
      label={label}
      value={value}
      onChange={(v) => onChange(apply(v))}
      error={errorFor(`${path}.${key}`)}
    />
  );
  switch (action.type) {
    case 'send_message':
      return input('text', 'Text ({{contact.name}}, {{contact.fields.<key>}})', action.text, (text) => ({
        ...action,
        text,
      }));
    case 'send_template':
      return (
        <>
          {input('templateName', 'Template name', action.templateName, (templateName) => ({ ...action, templateName }))}
          {input('language', 'Language', action.language, (language) => ({ ...action, language }))}
          {input('bodyVariables', 'Body variables (comma-separated)', action.bodyVariables.join(', '), (v) => ({
            ...action,
            bodyVariables: v ? v.split(',').map((s) => s.trim()) : [],
          }))}
        </>
      );
    case 'add_tag':
    case 'remove_tag':
      return input('tag', 'Tag', action.tag, (tag) => ({ ...action, tag }));
    case 'update_field':
      return (
        <>
          {input('field', 'Field (name or fields.<key>)', action.field, (field) => ({ ...action, field }))}
          {input('value', 'Value', action.value, (value) => ({ ...action, value }))}
        </>
      );
    case 'start_flow':
      return input('flowId', 'Flow id', action.flowId, (flowId) => ({ ...action, flowId }));
    case 'call_webhook':
      return input('url', 'URL (a JSON POST with the rule, run, contact and conversation)', action.url, (url) => ({
        ...action,
        url,
      }));
    case 'assign': {
      const target = action.target;
      const value = target.type === 'agent' ? target.userId : target.type === 'team' ? target.teamId : '';
      return (
        <>
          <select
            aria-label="Assign to"
            className="input"
            value={target.type}
            onChange={(e) => {
              const type = e.target.value;
              onChange({
                ...action,
                target:
                  type === 'agent'
                    ? { type, userId: '' }
                    : type === 'team'
                      ? { type, teamId: '' }
                      : { type: 'unassigned' },
              });
            }}
          >
            <option value="unassigned">Nobody (the shared queue)</option>
            <option value="agent">An agent (user id)</option>
            <option value="team">A team (team id)</option>
          </select>
          {target.type !== 'unassigned' &&
            input(target.type === 'agent' ? 'target.userId' : 'target.teamId', 'Id', value, (id) => ({
              ...action,
              target: target.type === 'agent' ? { type: 'agent', userId: id } : { type: 'team', teamId: id },
            }))}
        </>
      );
    }
    default:
      return null;
  }
}
