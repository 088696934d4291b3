// A section that folds ("Answer handling"): open by default when asked, whenever something in it
// has a diagnostic, and always in read-only views (nothing there can be toggled).
import { useId, useState, type ReactNode } from 'react';
import { Icon } from '../../../components/icon.tsx';
import { cx } from '../../../lib/cx.ts';
import { useInspector } from '../inspector-context.ts';

type CollapsibleSectionProps = {
  title: string;
  /** Data paths inside: the section opens itself when one has a diagnostic. */
  paths?: readonly string[];
  defaultOpen?: boolean;
  summary?: string;
  children: ReactNode;
};

export function CollapsibleSection({
  title,
  paths = [],
  defaultOpen = false,
  summary,
  children,
}: CollapsibleSectionProps) {
  const { diagnosticsAt, readOnly } = useInspector();
  const hasProblems = paths.some((path) => diagnosticsAt(path).length > 0);
  const [isOpen, setOpen] = useState(defaultOpen);
  const contentId = useId();
  const shown = isOpen || hasProblems || readOnly;
  return (
    <section className={cx('inspector-section', shown && 'is-open')}>
      <h4 className="inspector-section-heading">
        <button
          type="button"
          className="inspector-section-toggle"
          aria-expanded={shown}
          aria-controls={contentId}
          disabled={readOnly || hasProblems}
          onClick={() => setOpen(!isOpen)}
        >
          <Icon name={shown ? 'chevronDown' : 'chevronRight'} />
          <span>{title}</span>
          {!shown && summary && <span className="inspector-section-summary">{summary}</span>}
          {hasProblems && <span className="inspector-dot" aria-label="has problems" />}
        </button>
      </h4>
      <div id={contentId} className="inspector-section-body" hidden={!shown}>
        {children}
      </div>
    </section>
  );
}
