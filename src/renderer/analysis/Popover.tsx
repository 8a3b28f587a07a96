import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

export interface PopoverProps {
  /** Contents of the button that opens the panel. */
  readonly trigger: ReactNode;
  readonly triggerClassName?: string;
  readonly triggerLabel?: string;
  readonly label: string;
  readonly align?: 'start' | 'end';
  readonly children: (close: () => void) => ReactNode;
}

/** A panel under a button (filter values, column chooser): closes on Escape and outside clicks, keeps focus inside while open. */
export function Popover({ trigger, triggerClassName, triggerLabel, label, align = 'start', children }: PopoverProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (event.target instanceof Node && !root.current?.contains(event.target)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    root.current?.querySelector<HTMLElement>('.popover input, .popover button')?.focus();
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="popover-root" ref={root}>
      <button
        ref={button}
        type="button"
        className={triggerClassName ?? 'btn btn-secondary btn-sm'}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={triggerLabel}
        onClick={() => setOpen(!open)}
      >
        {trigger}
      </button>
      {open ? (
        <div id={panelId} className={`popover popover-${align}`} role="dialog" aria-label={label}>
          {children(() => setOpen(false))}
        </div>
      ) : null}
    </div>
  );
}
