// "Add a button": disabled at the limit, with the reason written beside it (not only in a tooltip).
import { useId } from 'react';
import { Button } from '../../../components/button.tsx';

type AddItemButtonProps = { label: string; blocker?: string | null; onClick: () => void };

export function AddItemButton({ label, blocker, onClick }: AddItemButtonProps) {
  const noteId = useId();
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
