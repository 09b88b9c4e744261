import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { AppErrorData } from '../../../../shared/api/errors.js';
import { call, errorData } from '../../../api.js';
import { ErrorBanner } from '../../../components/ErrorBanner.js';
import { TextDialog } from '../../../components/TextDialog.js';
import type { Issue } from '../../../../shared/model/issue.js';
import { useI18n } from '../../../i18n/I18n.js';
import { useMenuCommand } from '../../../useMenuCommand.js';
import { IssueInfoPanel } from './IssueInfoPanel.js';
import { LayoutInspector, type TemplateChoice } from './LayoutInspector.js';

export type InspectorTab = 'preview' | 'proof' | 'layout' | 'info';

/** The right-hand panel of the issue view: page preview, proofreading, layout, masthead and colophon. */
export function Inspector({
  issue,
  onChange,
  preview,
  proof,
}: {
  issue: Issue;
  onChange(change: (issue: Issue) => Issue, field: string): void;
  preview: ReactNode;
  proof: ReactNode;
}) {
  const { t } = useI18n();
  const [tab, setTab] = useState<InspectorTab>('preview');
  const [templates, setTemplates] = useState<TemplateChoice[]>([]);
  const [naming, setNaming] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const loadTemplates = useCallback(() => {
    call('template:list', {}).then((r) => setTemplates(r.templates), (err: unknown) => setError(errorData(err)));
  }, []);
  useEffect(loadTemplates, [loadTemplates]);
  // Edit ▸ 标点校对 (F7, as spelling and grammar in Word) opens the proofreading tab.
  useMenuCommand((command) => {
    if (command === 'proofread') setTab('proof');
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'F7' || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
      e.preventDefault();
      setTab('proof');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const saveTemplate = async (name: string) => {
    setNaming(false);
    try {
      const { id } = await call('template:save', { name, layout: issue.layout });
      onChange((i) => ({ ...i, layout: { ...i.layout, template: id } }), 'layout:template');
      loadTemplates();
    } catch (err) {
      setError(errorData(err));
    }
  };
  const tabs: InspectorTab[] = ['preview', 'proof', 'layout', 'info'];
  return (
    <aside className="inspector" aria-label={t(`inspector.${tab}`)}>
      <div className="inspector-tabs" role="tablist">
        {tabs.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            className={tab === id ? 'inspector-tab active' : 'inspector-tab'}
            onClick={() => setTab(id)}
          >
            {t(`inspector.${id}`)}
          </button>
        ))}
      </div>
      {tab === 'preview' && preview}
      {tab === 'proof' && proof}
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {tab === 'layout' && (
        <LayoutInspector
          layout={issue.layout}
          templates={templates}
          onChange={(layout, field) => onChange((i) => ({ ...i, layout }), `layout:${field}`)}
          onSaveTemplate={() => setNaming(true)}
        />
      )}
      {naming && (
        <TextDialog
          title={t('layout.saveTemplate')}
          label={t('layout.templateName')}
          initial=""
          submitLabel={t('common.ok')}
          onClose={() => setNaming(false)}
          onSubmit={(name) => void saveTemplate(name)}
        />
      )}
      {tab === 'info' && <IssueInfoPanel issue={issue} onChange={onChange} />}
    </aside>
  );
}
