// Several lines that may hold {{…}} references: WhatsApp messages (counter against the limit and a
// formatting preview) and JSON templates (monospace, checked as you type).
import { useState, type ReactNode } from 'react';
import { WhatsAppText } from '../../../components/whatsapp/whatsapp-text.tsx';
import { cx } from '../../../lib/cx.ts';
import { FieldShell, fullLabel } from './field-shell.tsx';
import { useInsertAtCursor } from './use-insert-at-cursor.ts';
import { VariablePicker } from './variable-picker.tsx';

type TemplateAreaProps = {
  label: string;
  context?: string;
  path?: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  /** WhatsApp's limit: shows a counter that turns red past it. */
  limit?: number;
  /** Offers the WhatsApp formatting preview. */
  hasPreview?: boolean;
  mono?: boolean;
  problem?: string | null;
  placeholder?: string;
  rows?: number;
};

export function TemplateArea({
  label,
  context,
  path,
  value,
  onChange,
  hint,
  limit,
  hasPreview,
  mono,
  ...rest
}: TemplateAreaProps) {
  const { ref, insert } = useInsertAtCursor<HTMLTextAreaElement>(value, onChange);
  const [isPreviewing, setPreviewing] = useState(false);
  const count = limit === undefined ? undefined : { used: value.length, limit };
  const actions = (
    <>
      {hasPreview && (
        <button
          type="button"
          className="inspector-chip-button"
          aria-pressed={isPreviewing}
          aria-label={`Preview ${fullLabel(label, context)}`}
          onClick={() => setPreviewing(!isPreviewing)}
        >
          Preview
        </button>
      )}
      <VariablePicker fieldLabel={fullLabel(label, context)} onInsert={insert} />
    </>
  );
  return (
    <FieldShell
      label={label}
      context={context}
      path={path}
      hint={hint}
      count={count}
      problem={rest.problem}
      actions={actions}
    >
      {({ control }) => (
        <>
          <textarea
            ref={ref}
            className={cx('input textarea', mono && 'inspector-mono')}
            rows={rest.rows ?? 4}
            value={value}
            placeholder={rest.placeholder}
            spellCheck={!mono}
            onChange={(event) => onChange(event.target.value)}
            {...control}
          />
          {hasPreview && isPreviewing && (
            <div
              className="inspector-preview"
              aria-label={`How ${fullLabel(label, context)} looks in WhatsApp`}
              role="figure"
            >
              <div className="inspector-bubble">
                {value.trim() === '' ? (
                  <span className="muted">Nothing to show yet.</span>
                ) : (
                  <WhatsAppText text={value} />
                )}
              </div>
            </div>
          )}
        </>
      )}
    </FieldShell>
  );
}
