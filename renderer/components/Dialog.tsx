import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18n.js';

interface DialogProps {
  title: string;
  onClose(): void;
  /** Called on the submit button or Enter; the dialog is a form. */
  onSubmit(): void;
  submitLabel: string;
  danger?: boolean;
  submitDisabled?: boolean;
  children: ReactNode;
}

/** A modal dialog: Esc or Cancel closes it, Enter submits, focus starts on the first field. */
export function Dialog({ title, onClose, onSubmit, submitLabel, danger, submitDisabled, children }: DialogProps) {
  const { t } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    const first = formRef.current?.querySelector<HTMLElement>('input, select, textarea, button[type=submit]');
    first?.focus();
    if (first instanceof HTMLInputElement) first.select();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!submitDisabled) onSubmit();
  };

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <form ref={formRef} className="dialog" role="dialog" aria-modal="true" aria-label={title} onSubmit={submit}>
        <h2 className="dialog-title">{title}</h2>
        <div className="dialog-body">{children}</div>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className={danger ? 'btn btn-danger' : 'btn btn-primary'} disabled={submitDisabled}>
            {submitLabel}
          </button>
        </div>
      </form>
    </div>
  );
}

/** A labelled form field. */
export function Field({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  return (
    <label className="field">
      <span className="field-label">
        {label}
        {hint && <span className="field-hint">{hint}</span>}
      </span>
      {children}
    </label>
  );
}
