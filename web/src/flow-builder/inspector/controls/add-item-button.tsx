// "Add a button": disabled at the limit, with the reason written beside it (not only in a tooltip);
// absent in read-only views.
import { useId } from 'react';
import { Button } from '../../../components/button.tsx';
import { useInspector } from '../inspector-context.ts';

type AddItemButtonProps = { label: string; blocker?: string | null; onClick: () => void };

export function AddItemButton({ label, blocker, onClick }: AddItemButtonProps) {
  const noteId = useId();
  if (useInspector().readOnly) {
    return null;
  }
  return (
    <div className="inspector-add">
      <Button
        size="sm"
        icon="plus"
        disabled={Boolean(blocker)}
        aria-describedby={blocker ? noteId : undefined}
        onClick={onClick}
      >
        {label}
      </Button>
      {blocker && (
        <p id={noteId} className="inspector-limit-note">
          {blocker}
        </p>
      )}
    </div>
  );
}
