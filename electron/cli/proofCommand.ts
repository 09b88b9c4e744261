import { resolve } from 'node:path';
import { AppError } from '../../shared/api/errors.js';
import { translate } from '../../shared/i18n/translate.js';
import { formatIssueLine } from '../../shared/model/issueLine.js';
import { fixInIssue, proofIssue, type ProofHit } from '../../shared/proof/proofIssue.js';
import { IssueStore } from '../services/issueStore.js';
import { parseCommandArgs } from './args.js';
import type { CliIo } from './commands.js';

/** One hit as a line: where it is, then the mark in its sentence, `[found→replacement]`. */
function hitLine(io: CliIo, hit: ProofHit, headline: string): string {
  const field = translate(io.lang, `proof.field.${hit.field}`);
  return `  【${headline}】${field}  ${hit.context.before}[${hit.text}→${hit.replacement}]${hit.context.after}\n`;
}

/**
 * `masthead proof ISSUE_DIR [--fix] [--json]`: the punctuation to correct in an issue's
 * Chinese text (校对), listed by rule; `--fix` corrects it all and keeps the version
 * before in the issue's history. Exits 1 while marks remain to correct, so scripts can
 * check an issue before it goes to print.
 */
export async function proofCommand(io: CliIo, args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(io.lang, 'proof', args, { fix: { type: 'boolean' }, json: { type: 'boolean' } }, true);
  if (values.help) {
    io.out(`${translate(io.lang, 'cli.help.proof')}\n`);
    return 0;
  }
  const dir = positionals[0];
  if (!dir || positionals.length > 1) {
    throw new AppError('cli.usage', { command: 'proof', detail: translate(io.lang, 'cli.missingArgument', { argument: 'ISSUE_DIR' }) });
  }
  const store = new IssueStore();
  const { issue, stamp } = await store.read(resolve(dir));
  const hits = proofIssue(issue);
  if (values.fix && hits.length > 0) {
    const fixed = fixInIssue(issue, 'all');
    await store.save(resolve(dir), fixed.issue, stamp, { checkpoint: true });
    if (values.json) io.out(`${JSON.stringify({ fixed: fixed.count, hits: [] }, null, 2)}\n`);
    else io.out(`${translate(io.lang, 'cli.proof.fixed', { n: fixed.count })}\n`);
    return 0;
  }
  if (values.json) {
    io.out(`${JSON.stringify({ fixed: 0, hits }, null, 2)}\n`);
    return hits.length === 0 ? 0 : 1;
  }
  const title = `${issue.publication.name} ${formatIssueLine(issue.number)}`;
  if (hits.length === 0) {
    io.out(`${translate(io.lang, 'cli.proof.title', { title, summary: translate(io.lang, 'proof.none') })}\n`);
    return 0;
  }
  io.out(`${translate(io.lang, 'cli.proof.title', { title, summary: translate(io.lang, 'proof.total', { n: hits.length }) })}\n`);
  const headlines = new Map(issue.sections.flatMap((s) => s.articles.map((a) => [a.id, a.headline] as const)));
  const rules = [...new Set(hits.map((h) => h.rule))];
  for (const rule of rules) {
    const ofRule = hits.filter((h) => h.rule === rule);
    io.out(`\n${translate(io.lang, `proof.rule.${rule}`)}（${ofRule.length}）\n`);
    for (const hit of ofRule) io.out(hitLine(io, hit, headlines.get(hit.articleId) ?? ''));
  }
  io.out(`\n${translate(io.lang, 'cli.proof.howToFix')}\n`);
  return 1;
}
