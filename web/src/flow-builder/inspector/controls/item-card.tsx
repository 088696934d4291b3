// One entry of a repeated field (a button, a row, a header, a path): its title, move up/down and
// remove buttons named after it for screen readers, the diagnostics placed on it, and its fields.
import type { MouseEvent, ReactNode } from 'react';
import { Icon } from '../../../components/icon.tsx';
import { useInspector } from '../inspector-context.ts';
import { DiagnosticList } from './diagnostic-list.tsx';

type ItemCardProps = {
  /** "Button 2": names the card's buttons ("Move Button 2 up"). */
  name: string;
  path: string;
  index: number;
  count: number;
  onMove?: (from: number, to: number) => void;
  onRemove?: () => void;
  /** Why it cannot be removed (the last button, the minimum of paths); shown as the button's title. */
  removeBlocker?: string | null;
  aside?: ReactNode;
  children: ReactNode;
};

export function ItemCard({
  name,
  path,
  index,
  count,
  onMove,
  onRemove,
  removeBlocker,
  aside,
  children,
}: ItemCardProps) {
  const { diagnosticsAt, nodeId, readOnly } = useInspector();
  /** Moves the card, then keeps the keyboard on it: the same button, or the other one at an end. */
  const move = (event: MouseEvent<HTMLButtonElement>, to: number) => {
    const list = event.currentTarget.closest('ol');
    const direction = to < index ? 'up' : 'down';
    onMove?.(index, to);
    requestAnimationFrame(() => {
      const card = list?.children[to];
      const buttons = [...(card?.querySelectorAll<HTMLButtonElement>('[data-move]') ?? [])];
      const same = buttons.find((b) => b.dataset.move === direction && !b.disabled);
      (same ?? buttons.find((b) => !b.disabled))?.focus();
    });
  };
  return (
    <li className="inspector-item" aria-label={name}>
      <div className="inspector-item-header">
        <span className="inspector-item-name">{name}</span>
        {aside}
        <span className="inspector-item-actions" hidden={readOnly}>
          {onMove && (
            <>
              <IconButton
                label={`Move ${name} up`}
                icon="chevronUp"
                disabled={index === 0}
                onClick={(event) => move(event, index - 1)}
              />
              <IconButton
                label={`Move ${name} down`}
                icon="chevronDown"
                disabled={index === count - 1}
                onClick={(event) => move(event, index + 1)}
              />
            </>
          )}
          {onRemove && (
            <IconButton
              label={`Remove ${name}`}
              icon="close"
              disabled={Boolean(removeBlocker)}
              title={removeBlocker ?? undefined}
              onClick={onRemove}
            />
          )}
        </span>
      </div>
      <DiagnosticList diagnostics={diagnosticsAt(path)} nodeId={nodeId} />
      {children}
    </li>
  );
}

type IconButtonProps = {
  label: string;
  icon: 'chevronUp' | 'chevronDown' | 'close';
  disabled?: boolean;
  title?: string;
  onClick: (event: MouseEvent<HTMLButtonElement>) => void;
};

function IconButton({ label, icon, disabled, title, onClick }: IconButtonProps) {
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={label}
      title={title ?? label}
      disabled={disabled}
      data-move={icon === 'chevronUp' ? 'up' : icon === 'chevronDown' ? 'down' : undefined}
      onClick={onClick}
    >
      {icon === 'chevronUp' ? <Icon name="chevronDown" className="inspector-flip" /> : <Icon name={icon} />}
    </button>
  );
}
