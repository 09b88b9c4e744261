import type { LibraryEntry } from '../../../shared/api/contract.js';
import { issueLineParts } from '../../../shared/model/issueLine.js';
import { useI18n } from '../../i18n/I18n.js';

interface IssueCardProps {
  entry: LibraryEntry;
  onOpen(): void;
  onDuplicate(): void;
  onRename(): void;
  onTrash(): void;
}

/** One issue in the library: publication, issue line, date, counts, last edit, actions. */
export function IssueCard({ entry, onOpen, onDuplicate, onRename, onTrash }: IssueCardProps) {
  const i18n = useI18n();
  const { t } = i18n;
  if (entry.status === 'damaged') {
    return (
      <li className="issue-card damaged" data-slug={entry.slug}>
        <div className="issue-card-main">
          <div className="issue-card-badge">{t('library.damaged')}</div>
          <div className="issue-card-title">{entry.slug}</div>
          <p className="issue-card-error">{i18n.error(entry.error)}</p>
        </div>
        <div className="issue-card-actions">
          <button type="button" className="btn btn-quiet" onClick={onTrash}>
            {t('library.trash')}
          </button>
        </div>
      </li>
    );
  }
  const s = entry.summary;
  const line = issueLineParts(s.number);
  return (
    <li className="issue-card" data-slug={entry.slug}>
      <button type="button" className="issue-card-main" onClick={onOpen} aria-label={`${t('library.open')} ${s.publication} ${line.issue}`}>
        <div className="issue-card-publication">{s.publication}</div>
        {s.title && <div className="issue-card-title">{s.title}</div>}
        <div className="issue-card-line">
          <span>{line.issue}</span>
          {line.serial && <span className="issue-card-serial">{line.serial}</span>}
        </div>
        <div className="issue-card-date">{s.date}</div>
        <div className="issue-card-counts">
          {t('library.sections', { n: s.sectionCount })} · {t('library.articles', { n: s.articleCount })} ·{' '}
          {t('library.chars', { n: i18n.number(s.chars) })}
        </div>
        <div className="issue-card-meta">{t('library.lastEdited', { time: i18n.dateTime(s.updatedAt) })}</div>
      </button>
      <div className="issue-card-actions">
        <button type="button" className="btn btn-quiet" onClick={onDuplicate}>
          {t('library.duplicate')}
        </button>
        <button type="button" className="btn btn-quiet" onClick={onRename}>
          {t('library.rename')}
        </button>
        <button type="button" className="btn btn-quiet" onClick={onTrash}>
          {t('library.trash')}
        </button>
      </div>
    </li>
  );
}
