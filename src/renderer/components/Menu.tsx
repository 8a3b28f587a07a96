import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

export interface MenuProps {
  /** Contents of the button that opens the menu. */
  readonly trigger: ReactNode;
  readonly triggerTitle?: string;
  readonly triggerClassName?: string;
  readonly label: string;
  readonly children: (close: () => void) => ReactNode;
}

/** A drop-down menu: opens below its button, closes on Escape, outside clicks and after a choice. */
export function Menu({ trigger, triggerTitle, triggerClassName, label, children }: MenuProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (event.target instanceof Node && !root.current?.contains(event.target)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    root.current?.querySelector<HTMLElement>('[role="menuitem"]:not([disabled])')?.focus();
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const onMenuKey = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const items = [...(root.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled])') ?? [])];
    const at = items.findIndex((item) => item === document.activeElement);
    const next = event.key === 'ArrowDown' ? (at + 1) % items.length : (at - 1 + items.length) % items.length;
    items[next]?.focus();
  };

  return (
    <div className="menu-root" ref={root}>
      <button
        ref={button}
        type="button"
        className={triggerClassName ?? 'btn btn-ghost btn-md'}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        title={triggerTitle}
        onClick={() => setOpen(!open)}
      >
        {trigger}
      </button>
      {open ? (
        <div id={menuId} className="menu" role="menu" aria-label={label} onKeyDown={onMenuKey}>
          {children(() => setOpen(false))}
        </div>
      ) : null}
    </div>
  );
}

export function MenuItem({
  icon,
  children,
  hint,
  disabled,
  onSelect,
  title,
}: {
  icon?: IconName;
  children: ReactNode;
  hint?: string;
  disabled?: boolean;
  title?: string;
  onSelect: () => void;
}) {
  return (
    <button type="button" role="menuitem" className="menu-item" disabled={disabled} onClick={onSelect} title={title}>
      {icon ? <Icon name={icon} size={16} /> : <span className="menu-item-spacer" />}
      <span className="menu-item-text">
        <span>{children}</span>
        {hint ? <span className="menu-item-hint">{hint}</span> : null}
      </span>
    </button>
  );
}

export function MenuSeparator() {
  return <div className="menu-separator" role="separator" />;
}

export function MenuLabel({ children }: { children: ReactNode }) {
  return <div className="menu-label">{children}</div>;
}
