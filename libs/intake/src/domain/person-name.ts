/**
 * Characters that show nothing: format characters (zero-width space, joiners, byte-order mark,
 * soft hyphen, word joiner, direction marks, …), control characters other than whitespace, the
 * combining grapheme joiner, the Hangul fillers and the variation selectors. Kept in a name they
 * would make two spellings of one person look like two people, or a blank name look filled.
 */
// eslint-disable-next-line no-misleading-character-class -- each listed code point is matched alone on purpose (a filler or variation selector on its own)
const INVISIBLE = /[\p{Cf}\u0000-\u0008\u000E-\u001F\u007F-\u009F\u034F\u115F\u1160\u3164\uFFA0\uFE00-\uFE0F]/gu;

/**
 * A person's name as Saeil keeps, keys and searches it: invisible characters removed, Unicode NFC
 * (a name typed in decomposed jamo, NFD, is the same name), every run of whitespace (full-width
 * and no-break spaces, tabs, line breaks included) one space, trimmed. The one normalisation for
 * names: validation sees its result (a name of only invisible characters is blank), registration
 * seals it, and the identity and search keys are computed from it.
 */
export function normalisePersonName(name: string): string {
  return name.replace(INVISIBLE, '').normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** A name as keys compare it: normalised and in lower case (Latin names differ in case only by typing). */
export const nameKeyForm = (name: string): string => normalisePersonName(name).toLowerCase();
