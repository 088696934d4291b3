// Detect intent: what to classify (usually the last reply) and the intents, each a path, with
// keywords that also work without an AI connection.
import { ItemListField } from '../controls/item-list-field.tsx';
import { SpecField } from '../controls/spec-field.tsx';
import { TagInput } from '../controls/tag-input.tsx';
import { TextField } from '../controls/text-field.tsx';
import { fieldSpec } from '../inspector-fields.ts';
import { newIntent } from '../model/split-updates.ts';
import { specProps, type EditorProps } from './editor-props.ts';

export function AiIntentEditor(props: EditorProps<'ai_intent'>) {
  const { data, onChange } = props;
  return (
    <>
      <SpecField {...specProps('ai_intent', props, 'input')} />
      <ItemListField
        label={fieldSpec('ai_intent', 'intents').label}
        path="intents"
        itemName="Intent"
        items={data.intents}
        onChange={(intents) => onChange({ ...data, intents })}
        newItem={() => newIntent(data.intents)}
        addLabel="Add an intent"
        hint="Each intent is its own path out of this step; anything else leaves by “Anything else”."
        renderFields={(intent, name, update, index) => (
          <>
            <TextField
              context={name}
              label="Name"
              path={`intents.${index}.name`}
              value={intent.name}
              placeholder="e.g. Opening hours"
              onChange={(value) => update({ name: value })}
            />
            <TagInput
              context={name}
              label="Keywords"
              path={`intents.${index}.keywords`}
              tags={intent.keywords}
              hint="Words that point to this intent, for matching without AI."
              onChange={(keywords) => update({ keywords })}
            />
          </>
        )}
      />
    </>
  );
}
