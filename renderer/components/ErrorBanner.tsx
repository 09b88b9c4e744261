import type { AppErrorData } from '../../shared/api/errors.js';
import { useI18n } from '../i18n/I18n.js';

/** A dismissible error message in the UI language. */
export function ErrorBanner({ error, onDismiss }: { error: AppErrorData | null; onDismiss(): void }) {
  const i18n = useI18n();
  if (!error) return null;
  return (
    <div className="error-banner" role="alert">
      <span>{i18n.error(error)}</span>
      <button type="button" className="btn btn-quiet" onClick={onDismiss}>
        {i18n.t('common.close')}
      </button>
    </div>
  );
}
