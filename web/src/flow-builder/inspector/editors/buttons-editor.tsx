// Reply buttons: the message, up to three buttons (ids generated once, so renaming keeps the
// edge), an optional header and footer, and how the answer is handled.
import { WHATSAPP_LIMITS } from '#api/whatsapp/limits';
import { AddItemButton } from '../controls/add-item-button.tsx';
import { CollapsibleSection } from '../controls/collapsible-section.tsx';
import { ItemCard } from '../controls/item-card.tsx';
import { SpecField } from '../controls/spec-field.tsx';
import { TextField } from '../controls/text-field.tsx';
import { stableKeys } from '../model/list-ops.ts';
import * as ops from '../model/option-updates.ts';
import { specProps, type EditorProps } from './editor-props.ts';
import { ReplySettingsSection } from './reply-settings-section.tsx';

const TITLE_LIMIT = WHATSAPP_LIMITS.buttons.title;

export function ButtonsEditor(props: EditorProps<'buttons'>) {
  const { data, onChange } = props;
  const { buttons } = data;
  const keys = stableKeys(buttons.map((b) => b.id));
  return (
    <>
      <SpecField {...specProps('buttons', props, 'body')} />
      <fieldset className="plain-fieldset inspector-group">
        <legend className="field-label">Buttons</legend>
        <p className="field-hint">Each button is its own path out of this step.</p>
        <ol className="inspector-items">
          {buttons.map((button, index) => (
            <ItemCard
              key={keys[index]}
              name={`Button ${index + 1}`}
              path={`buttons.${index}`}
              index={index}
              count={buttons.length}
              onMove={(from, to) => onChange(ops.moveButton(data, from, to))}
              onRemove={() => onChange(ops.removeButton(data, index))}
              removeBlocker={buttons.length <= 1 ? 'A message needs at least one button.' : null}
            >
              <TextField
                context={`Button ${index + 1}`}
                label="Title"
                path={`buttons.${index}.title`}
                value={button.title}
                limit={TITLE_LIMIT}
                onChange={(title) => onChange(ops.renameButton(data, index, title))}
              />
            </ItemCard>
          ))}
        </ol>
        <AddItemButton
          label="Add a button"
          blocker={ops.buttonsAddBlocker(data)}
          onClick={() => onChange(ops.addButton(data))}
        />
      </fieldset>
      <CollapsibleSection
        title="Header and footer"
        paths={['header', 'footer']}
        defaultOpen={data.header + data.footer !== ''}
      >
        <SpecField {...specProps('buttons', props, 'header')} />
        <SpecField {...specProps('buttons', props, 'footer')} />
      </CollapsibleSection>
      <ReplySettingsSection type="buttons" {...props} />
    </>
  );
}
