// "Answer handling" of the nodes that wait for a reply: where the answer is saved, how long to
// wait, what to say when it does not fit and how many tries it gets.
import { SpecField } from '../controls/spec-field.tsx';
import { CollapsibleSection } from '../controls/collapsible-section.tsx';
import { describeDuration, splitDuration } from '../model/durations.ts';
import { specProps, type EditorProps } from './editor-props.ts';

type Waiting = 'buttons' | 'list' | 'ask_question';
const KEYS = ['saveAs', 'timeoutSeconds', 'retryPrompt', 'maxAttempts'] as const;

export function ReplySettingsSection<T extends Waiting>({ type, ...props }: EditorProps<T> & { type: T }) {
  const { saveAs, timeoutSeconds, maxAttempts } = props.data;
  const wait = splitDuration(timeoutSeconds);
  const summary = [
    saveAs ? `saved as ${saveAs}` : null,
    `waits ${describeDuration(wait.amount, wait.unit)}`,
    `${maxAttempts} ${maxAttempts === 1 ? 'try' : 'tries'}`,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <CollapsibleSection title="Answer handling" paths={KEYS} summary={summary} defaultOpen={type === 'ask_question'}>
      {KEYS.map((key) => (
        <SpecField key={key} {...specProps<T>(type, props as EditorProps<T>, key)} />
      ))}
      <p className="inspector-note">
        A reply that does not fit is answered with the retry message until the tries run out; then the flow leaves by
        “Invalid answer”. If nobody answers in time it leaves by “No answer”.
      </p>
    </CollapsibleSection>
  );
}
