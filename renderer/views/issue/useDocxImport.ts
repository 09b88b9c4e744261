import { useState } from 'react';
import type { Output } from '../../../shared/api/contract.js';
import type { AppErrorData } from '../../../shared/api/errors.js';
import { call, errorData } from '../../api.js';
import type { IssueDocument } from './useIssueDocument.js';

export type DocxImportResult = Output<'import:docx'>;

/**
 * Imports Word files into a section of the open issue: saves pending edits first,
 * lets the main process add the articles, then reloads the issue from disk.
 */
export function useDocxImport(slug: string, doc: IssueDocument) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<DocxImportResult | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);

  const importFiles = async (section: string, paths?: string[]) => {
    try {
      const chosen = paths ?? (await call('import:chooseFiles', { kind: 'docx' })).paths;
      if (chosen.length === 0) return;
      setBusy(true);
      // The import writes issue.json in the main process: first everything here must be on disk.
      if (!(await doc.flush())) {
        setError(doc.saveError ?? { code: 'issue.changedOnDisk', params: {} });
        return;
      }
      setResult(await call('import:docx', { slug, paths: chosen, section }));
      doc.reload();
    } catch (err) {
      setError(errorData(err));
    } finally {
      setBusy(false);
    }
  };

  return { busy, result, error, importFiles, dismiss: () => (setResult(null), setError(null)) };
}
