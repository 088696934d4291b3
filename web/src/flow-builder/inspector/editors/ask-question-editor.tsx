// Ask a question: the question, what kind of answer is expected and the rules that apply to that
// kind (number bounds; text length and pattern), and how the answer is handled.
import { NumberField } from '../controls/number-field.tsx';
import { SelectField } from '../controls/select-field.tsx';
import { SpecField } from '../controls/spec-field.tsx';
import { TextField } from '../controls/text-field.tsx';
import { INPUT_TYPE_LABELS, INPUT_TYPE_OPTIONS } from '../field-options.ts';
import { fieldSpec } from '../inspector-fields.ts';
import { safePattern, setInputType, setRule, validationKeysFor } from '../model/question-updates.ts';
import { specProps, type EditorProps } from './editor-props.ts';
import { ReplySettingsSection } from './reply-settings-section.tsx';

export function AskQuestionEditor(props: EditorProps<'ask_question'>) {
  const { data, onChange } = props;
  const rules = validationKeysFor(data.inputType);
  const { validation } = data;
  const number = (key: 'min' | 'max' | 'minLength' | 'maxLength', label: string, min?: number) => (
    <NumberField
      label={label}
      path={`validation.${key}`}
      value={validation[key]}
      optional
      integer={key.endsWith('Length')}
      min={min}
      onChange={(value) => onChange(setRule(data, key, value))}
    />
  );
  return (
    <>
      <SpecField {...specProps('ask_question', props, 'prompt')} />
      <SelectField
        label={fieldSpec('ask_question', 'inputType').label}
        path="inputType"
        value={data.inputType}
        options={INPUT_TYPE_OPTIONS}
        hint={`Anything but ${INPUT_TYPE_LABELS[data.inputType].toLowerCase()} is refused and asked again.`}
        onChange={(inputType) => onChange(setInputType(data, inputType))}
      />
      {rules.length > 0 && (
        <fieldset className="plain-fieldset inspector-group">
          <legend className="field-label">Answer rules</legend>
          <div className="inspector-row">
            {rules.includes('min') && number('min', 'Smallest number')}
            {rules.includes('max') && number('max', 'Largest number')}
            {rules.includes('minLength') && number('minLength', 'Fewest characters', 0)}
            {rules.includes('maxLength') && number('maxLength', 'Most characters', 1)}
          </div>
          {rules.includes('pattern') && (
            <TextField
              label="Must match (regular expression)"
              path="validation.pattern"
              value={validation.pattern ?? ''}
              mono
              placeholder="^[A-Z]{2}\d{4}$"
              problem={safePattern(validation.pattern)}
              hint="Optional. The whole answer must match."
              onChange={(pattern) => onChange(setRule(data, 'pattern', pattern))}
            />
          )}
        </fieldset>
      )}
      <ReplySettingsSection type="ask_question" {...props} />
    </>
  );
}
