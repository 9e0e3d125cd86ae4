// The learner's language, chosen before anything else of the CLI is loaded: main.ts imports this
// module first, so a text made while a module loads is already in that language.
import { chooseLang, setLang } from '../i18n/index.js';

/**
 * `--lang ko` anywhere on the line (before or after the verb), taken out before commander
 * parses: the help's own texts are made in main.ts, so the language must be known first.
 */
function takeLang(argv: string[]): { argv: string[]; flag?: string } {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return { argv };
  const flag = argv[i] === '--lang' ? argv[i + 1] : argv[i]!.slice('--lang='.length);
  return { argv: argv.filter((_, j) => j !== i && !(argv[i] === '--lang' && j === i + 1)), flag };
}

const taken = takeLang(process.argv);
// --json is for scripts: its words (a finding's detail, a check's name) stay English.
setLang(taken.argv.includes('--json') ? 'en' : chooseLang(taken.flag));

/** The command line without --lang. */
export const argv = taken.argv;
