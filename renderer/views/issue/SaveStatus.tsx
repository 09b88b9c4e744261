import { useI18n } from '../../i18n/I18n.js';
import type { SaveState } from './useIssueDocument.js';

/** Saved / saving / unsaved, always visible: the editor never wonders whether work is on disk. */
export function SaveStatus({ state, checkpointed, onReload }: { state: SaveState; checkpointed: boolean; onReload(): void }) {
  const { t } = useI18n();
  const label =
    state === 'saved'
      ? t(checkpointed ? 'save.savedVersion' : 'save.saved')
      : state === 'saving'
        ? t('save.saving')
        : state === 'pending'
          ? t('save.pending')
          : t('save.failed');
  return (
    <span className={`save-status save-${state}`} role="status" aria-live="polite" data-state={state}>
      <span className="save-dot" />
      {label}
      {state === 'conflict' && (
        <button type="button" className="btn btn-small" onClick={onReload}>
          {t('save.reload')}
        </button>
      )}
    </span>
  );
}
