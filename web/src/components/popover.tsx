// A button that opens a small panel (workspace switcher, account menu). A disclosure rather than an
// ARIA menu: the panel holds ordinary buttons and links, reachable with Tab, closed by Escape.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { cx } from '../lib/cx.ts';

type PopoverProps = {
  label: string;
  trigger: ReactNode;
  triggerClassName?: string;
  align?: 'start' | 'end';
  children: (close: () => void) => ReactNode;
};

export function Popover({ label, trigger, triggerClassName, align = 'start', children }: PopoverProps) {
  const [isOpen, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!isOpen) {
      return;
    }
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) {
        setOpen(false);
      }
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
      }
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [isOpen]);

  return (
    <div className="popover" ref={rootRef}>
      <button
        type="button"
        className={triggerClassName}
        aria-label={label}
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => setOpen((open) => !open)}
      >
        {trigger}
      </button>
      {isOpen && (
        <div id={panelId} className={cx('popover-panel', `popover-${align}`)}>
          {children(() => setOpen(false))}
        </div>
      )}
    </div>
  );
}
