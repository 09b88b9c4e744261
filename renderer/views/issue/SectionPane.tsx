import type { Issue, Section } from '../../../shared/model/issue.js';
import { articleChars } from '../../../shared/model/text.js';
import { useI18n } from '../../i18n/I18n.js';

interface SectionPaneProps {
  issue: Issue;
  section: Section;
  onRename(title: string): void;
  onMove(toIndex: number): void;
  onAddArticle(): void;
  onImportDocx(): void;
  onDelete(): void;
}

/** The selected section: its title (the banner), its place, its articles. */
export function SectionPane({ issue, section, onRename, onMove, onAddArticle, onImportDocx, onDelete }: SectionPaneProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const index = issue.sections.findIndex((s) => s.id === section.id);
  const chars = section.articles.reduce((n, a) => n + articleChars(a), 0);
  return (
    <section className="pane section-pane" aria-label={section.title}>
      <div className="pane-toolbar">
        <span className="muted">
          {t('library.articles', { n: section.articles.length })} · {t('library.chars', { n: i18n.number(chars) })}
        </span>
        <span className="pane-actions">
          <button type="button" className="btn btn-small" disabled={index === 0} onClick={() => onMove(index - 1)}>
            ↑ {t('issue.moveUp')}
          </button>
          <button
            type="button"
            className="btn btn-small"
            disabled={index === issue.sections.length - 1}
            onClick={() => onMove(index + 1)}
          >
            ↓ {t('issue.moveDown')}
          </button>
          <button type="button" className="btn btn-small" onClick={onAddArticle}>
            ＋ {t('issue.addArticle')}
          </button>
          <button type="button" className="btn btn-small" onClick={onImportDocx}>
            {t('import.docx')}
          </button>
          <button type="button" className="btn btn-small btn-danger-quiet" onClick={onDelete}>
            {t('issue.deleteSection')}
          </button>
        </span>
      </div>
      <label className="field">
        <span className="field-label">{t('issue.sectionTitle')}</span>
        <input
          className="input-section-title"
          name="sectionTitle"
          value={section.title}
          onChange={(e) => onRename(e.target.value)}
        />
      </label>
      <div className="banner-preview" aria-hidden="true">
        <span>{section.title}</span>
      </div>
    </section>
  );
}
