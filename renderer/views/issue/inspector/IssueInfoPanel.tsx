import type { ReactNode } from 'react';
import type { Issue } from '../../../../shared/model/issue.js';
import { useI18n } from '../../../i18n/I18n.js';

interface IssueInfoPanelProps {
  issue: Issue;
  onChange(change: (issue: Issue) => Issue, field: string): void;
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="insp-row">
      <span className="insp-label">{label}</span>
      <span className="insp-control">{children}</span>
    </label>
  );
}

const DISTRIBUTION = ['报', '送', '发'] as const;

/** 报头与报尾: the publication, the issue number and date, and the colophon lines. */
export function IssueInfoPanel({ issue, onChange }: IssueInfoPanelProps) {
  const { t } = useI18n();
  const p = issue.publication;
  const c = issue.colophon;
  const setPublication = (patch: Partial<Issue['publication']>, field: string) =>
    onChange((i) => ({ ...i, publication: { ...i.publication, ...patch } }), `pub:${field}`);
  const setNumber = (patch: Partial<Issue['number']>, field: string) =>
    onChange((i) => ({ ...i, number: { ...i.number, ...patch } }), `num:${field}`);
  const setColophon = (patch: Partial<Issue['colophon']>, field: string) =>
    onChange((i) => ({ ...i, colophon: { ...i.colophon, ...patch } }), `col:${field}`);
  const distribution = (label: (typeof DISTRIBUTION)[number]) => c.distribution.find((d) => d.label === label)?.text ?? '';
  const setDistribution = (label: (typeof DISTRIBUTION)[number], text: string) =>
    setColophon(
      { distribution: DISTRIBUTION.map((l) => ({ label: l, text: l === label ? text : distribution(l) })).filter((d) => d.text !== '') },
      `dist:${label}`,
    );
  const int = (value: string, min: number, max: number): number | null => {
    const n = Number(value);
    return value !== '' && Number.isInteger(n) && n >= min && n <= max ? n : null;
  };

  return (
    <div className="inspector-body">
      <section className="insp-group">
        <h3>{t('info.masthead')}</h3>
        <Row label={t('newIssue.publicationName')}>
          <input name="publicationName" value={p.name} onChange={(e) => e.target.value.trim() && setPublication({ name: e.target.value }, 'name')} />
        </Row>
        <Row label={t('info.subtitle')}>
          <input name="subtitle" value={p.subtitle} onChange={(e) => setPublication({ subtitle: e.target.value }, 'subtitle')} />
        </Row>
        <Row label={t('newIssue.publisher')}>
          <input name="publisher" value={p.publisher} onChange={(e) => setPublication({ publisher: e.target.value }, 'publisher')} />
        </Row>
        <div className="insp-grid">
          <Row label={t('newIssue.year')}>
            <input type="number" name="year" value={issue.number.year} onChange={(e) => { const n = int(e.target.value, 1900, 2999); if (n !== null) setNumber({ year: n }, 'year'); }} />
          </Row>
          <Row label={t('newIssue.no')}>
            <input type="number" name="no" value={issue.number.no} onChange={(e) => { const n = int(e.target.value, 1, 999); if (n !== null) setNumber({ no: n }, 'no'); }} />
          </Row>
          <Row label={t('newIssue.serial')}>
            <input
              type="number"
              name="serial"
              value={issue.number.serial ?? ''}
              onChange={(e) => setNumber({ serial: e.target.value === '' ? null : int(e.target.value, 1, 99999) ?? issue.number.serial }, 'serial')}
            />
          </Row>
          <Row label={t('newIssue.date')}>
            <input type="date" name="date" value={issue.date} onChange={(e) => e.target.value && onChange((i) => ({ ...i, date: e.target.value }), 'date')} />
          </Row>
        </div>
        <Row label={t('info.internal')}>
          <input type="checkbox" name="internal" checked={p.internal} onChange={(e) => setPublication({ internal: e.target.checked }, 'internal')} />
        </Row>
        <Row label={t('info.permit')}>
          <input name="permit" value={p.permit} placeholder={t('info.permitPlaceholder')} onChange={(e) => setPublication({ permit: e.target.value }, 'permit')} />
        </Row>
      </section>
      <section className="insp-group">
        <h3>{t('info.colophon')}</h3>
        {DISTRIBUTION.map((label) => (
          <Row key={label} label={t(`info.dist.${label}`)}>
            <input name={`dist-${label}`} value={distribution(label)} onChange={(e) => setDistribution(label, e.target.value)} />
          </Row>
        ))}
        <div className="insp-grid">
          <Row label={t('info.editor')}>
            <input name="editor" value={c.editor} onChange={(e) => setColophon({ editor: e.target.value }, 'editor')} />
          </Row>
          <Row label={t('info.reviewer')}>
            <input name="reviewer" value={c.reviewer} onChange={(e) => setColophon({ reviewer: e.target.value }, 'reviewer')} />
          </Row>
          <Row label={t('info.approver')}>
            <input name="approver" value={c.approver} onChange={(e) => setColophon({ approver: e.target.value }, 'approver')} />
          </Row>
          <Row label={t('info.copies')}>
            <input
              type="number"
              name="copies"
              value={c.copies ?? ''}
              onChange={(e) => setColophon({ copies: e.target.value === '' ? null : int(e.target.value, 1, 10_000_000) ?? c.copies }, 'copies')}
            />
          </Row>
        </div>
      </section>
    </div>
  );
}
