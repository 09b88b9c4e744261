// The `masthead` binary: plain Node over the same services as the app, no `electron`.
import { languageFromLocale } from '../../shared/i18n/translate.js';
import { runCli } from './commands.js';

const lang = languageFromLocale(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG);
const code = await runCli(
  process.argv.slice(2),
  { out: (text) => process.stdout.write(text), lang, now: () => new Date() },
  (text) => process.stderr.write(text),
);
process.exitCode = code;
