// The learner's language. English lives in the code and the lab files as it always did; Korean
// comes from one catalogue (ko.ts) keyed by the English text, gettext's way, so a text without a
// translation still shows (in English) and the completeness test names it.
import { ko } from './ko.js';

export type Lang = 'en' | 'ko';

/** A teaching text of a lab file: English alone, or both languages side by side. */
export type Text = string | { en: string; ko: string };

let current: Lang = 'en';

/**
 * --lang wins, then NSLAB_LANG, then the locale (LC_ALL, LC_MESSAGES, LANG: ko_KR.UTF-8 → ko).
 * Anything else is English.
 */
export function chooseLang(flag?: string, env: NodeJS.ProcessEnv = process.env): Lang {
  const asked = flag ?? env.NSLAB_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '';
  return /^ko(\b|_|-|$)/i.test(asked) ? 'ko' : 'en';
}

export const setLang = (lang: Lang): void => {
  current = lang;
};
export const lang = (): Lang => current;

/** Fills {name} placeholders that `vars` names; others (a lab's {c1}) are left for later. */
const fill = (text: string, vars?: Record<string, string | number>): string =>
  vars ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : text;

/** A text of nslab's own code, in the learner's language. */
export const t = (english: string, vars?: Record<string, string | number>): string =>
  fill(current === 'ko' ? (ko[english] ?? english) : english, vars);

/** A text of a lab file, in the learner's language. */
export const pick = (text: Text): string =>
  typeof text === 'string' ? text : current === 'ko' ? text.ko : text.en;
