// 한국어 catalogue: the English text of nslab's code (the argument of t()) → its Korean.
// Words follow docs/glossary.ko.md; commands, interface names, addresses and rule text stay as
// they are. test/unit/i18n.test.ts fails on a t() text missing here, or an entry no code uses.
export const ko: Record<string, string> = {};
