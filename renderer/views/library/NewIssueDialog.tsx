import { useState } from 'react';
import type { NewIssueInput } from '../../../shared/api/contract.js';
import { TEMPLATE_IDS, type TemplateId } from '../../../shared/layout/templates.js';
import { localIsoDate } from '../../../shared/model/dates.js';
import { Dialog, Field } from '../../components/Dialog.js';
import { useI18n } from '../../i18n/I18n.js';

/** The “new issue” form: template, publication, publisher, number, date. */
export function NewIssueDialog({ onClose, onCreate }: { onClose(): void; onCreate(input: NewIssueInput): void }) {
  const { t } = useI18n();
  const [template, setTemplate] = useState<TemplateId>('bulletin');
  const [name, setName] = useState('');
  const [publisher, setPublisher] = useState('');
  const [date, setDate] = useState(() => localIsoDate(new Date()));
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [no, setNo] = useState(1);
  const [serial, setSerial] = useState('');

  const serialNumber = serial.trim() === '' ? null : Number(serial);
  const valid = name.trim() !== '' && year >= 1900 && no >= 1 && (serialNumber === null || serialNumber >= 1);

  return (
    <Dialog
      title={t('newIssue.title')}
      submitLabel={t('newIssue.create')}
      submitDisabled={!valid}
      onClose={onClose}
      onSubmit={() =>
        onCreate({ template, publicationName: name.trim(), publisher: publisher.trim(), year, no, serial: serialNumber, date })
      }
    >
      <Field label={t('newIssue.publicationName')}>
        <input
          name="publicationName"
          value={name}
          placeholder={t('newIssue.publicationNamePlaceholder')}
          onChange={(e) => setName(e.target.value)}
          required
        />
      </Field>
      <Field label={t('newIssue.publisher')}>
        <input
          name="publisher"
          value={publisher}
          placeholder={t('newIssue.publisherPlaceholder')}
          onChange={(e) => setPublisher(e.target.value)}
        />
      </Field>
      <div className="field-row">
        <Field label={t('newIssue.year')}>
          <input name="year" type="number" min={1900} max={2999} value={year} onChange={(e) => setYear(Number(e.target.value))} />
        </Field>
        <Field label={t('newIssue.no')}>
          <input name="no" type="number" min={1} max={999} value={no} onChange={(e) => setNo(Number(e.target.value))} />
        </Field>
        <Field label={t('newIssue.serial')} hint={t('newIssue.serialHint')}>
          <input name="serial" type="number" min={1} value={serial} onChange={(e) => setSerial(e.target.value)} />
        </Field>
      </div>
      <Field label={t('newIssue.date')}>
        <input name="date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      </Field>
      <Field label={t('newIssue.template')}>
        <select name="template" value={template} onChange={(e) => setTemplate(e.target.value as TemplateId)}>
          {TEMPLATE_IDS.map((id) => (
            <option key={id} value={id}>
              {t(`newIssue.template.${id}`)}
            </option>
          ))}
        </select>
      </Field>
    </Dialog>
  );
}
