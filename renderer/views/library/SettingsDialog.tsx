import type { Language, Settings } from '../../../shared/api/contract.js';
import { call } from '../../api.js';
import { Field } from '../../components/Dialog.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { useI18n } from '../../i18n/I18n.js';

/** Settings: UI language and workspace folder; each change applies and is remembered at once. */
export function SettingsDialog(props: {
  settings: Settings;
  onClose(): void;
  onSettings(patch: { language?: Language; workspace?: string }): void;
}) {
  const { t } = useI18n();
  const chooseWorkspace = async () => {
    const { path } = await call('workspace:choose', {});
    if (path) props.onSettings({ workspace: path });
  };
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && props.onClose()}>
      <div className="dialog" role="dialog" aria-modal="true" aria-label={t('settings.title')}>
        <h2 className="dialog-title">{t('settings.title')}</h2>
        <div className="dialog-body">
          <Field label={t('settings.language')}>
            <LanguageSwitch value={props.settings.language} onChange={(language) => props.onSettings({ language })} />
          </Field>
          <Field label={t('settings.workspace')}>
            <div className="workspace-row">
              <code className="path" title={props.settings.workspace}>
                {props.settings.workspace}
              </code>
              <button type="button" className="btn" onClick={() => void chooseWorkspace()}>
                {t('settings.chooseWorkspace')}
              </button>
            </div>
          </Field>
        </div>
        <div className="dialog-actions">
          <button type="button" className="btn btn-primary" onClick={props.onClose}>
            {t('common.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
