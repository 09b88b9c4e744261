import { useState, type ReactNode } from 'react';
import type { Issue } from '../../../../shared/model/issue.js';
import { useI18n } from '../../../i18n/I18n.js';
import { IssueInfoPanel } from './IssueInfoPanel.js';
import { LayoutInspector } from './LayoutInspector.js';

export type InspectorTab = 'preview' | 'layout' | 'info';

/** The right-hand panel of the issue view: page preview, layout, masthead and colophon. */
export function Inspector({
  issue,
  onChange,
  preview,
}: {
  issue: Issue;
  onChange(change: (issue: Issue) => Issue, field: string): void;
  preview: ReactNode;
}) {
  const { t } = useI18n();
  const [tab, setTab] = useState<InspectorTab>('preview');
  const tabs: InspectorTab[] = ['preview', 'layout', 'info'];
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
      {tab === 'layout' && (
        <LayoutInspector layout={issue.layout} onChange={(layout, field) => onChange((i) => ({ ...i, layout }), `layout:${field}`)} />
      )}
      {tab === 'info' && <IssueInfoPanel issue={issue} onChange={onChange} />}
    </aside>
  );
}
