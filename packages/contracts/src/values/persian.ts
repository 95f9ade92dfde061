/**
 * Text arrives with Persian (۰-۹) or Arabic-Indic (٠-٩) digits and with Arabic ي/ك where Persian
 * writes ی/ک. Identifiers and search keys are normalized; stored text keeps what the person wrote.
 */

const PERSIAN_ZERO = 0x06f0;
const ARABIC_INDIC_ZERO = 0x0660;

/** Persian and Arabic-Indic digits to ASCII 0-9; every other character is kept. */
export function normalizeDigits(text: string): string {
  return text.replace(/[\u06f0-\u06f9\u0660-\u0669]/g, (digit) => {
    const code = digit.charCodeAt(0);
    const zero = code >= PERSIAN_ZERO ? PERSIAN_ZERO : ARABIC_INDIC_ZERO;
    return String(code - zero);
  });
}

/**
 * ASCII digits and Persian letters: Arabic yeh (ي) and alef maksura (ى) become Persian yeh (ی),
 * Arabic kaf (ك) becomes Persian keheh (ک). Used for identifiers (reference numbers, codes), where
 * the same value typed on two keyboards must compare equal.
 */
export function normalizePersian(text: string): string {
  return normalizeDigits(text)
    .replace(/[\u064a\u0649]/g, '\u06cc')
    .replace(/\u0643/g, '\u06a9');
}

// Zero-width non-joiner separates the parts of one word (می‌روم); for matching it counts as a space,
// so "کتاب‌ها" and "کتاب ها" give the same key.
const ZWNJ_OR_WHITESPACE = /[\s\u200c]+/g;
// Invisible marks that change nothing a reader sees: joiner, direction marks, byte-order mark, tatweel.
// (The joiner stands apart: inside a character class it reads as an emoji sequence.)
const INVISIBLE = /\u200d|[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\u0640]/g;
// Harakat, hamza above/below, superscript alef: after NFKD these are what separates أ from ا.
const ARABIC_MARKS = /[\u064b-\u065f\u0670]/g;

/**
 * A key for matching, never for display: normalized digits and letters, Arabic presentation forms
 * folded (NFKD), diacritics and hamza marks dropped (أ إ آ -> ا, ؤ -> و), ة and ە -> ه, invisible
 * marks removed, ZWNJ and whitespace collapsed to one space, Latin letters lower-cased.
 */
export function searchKey(text: string): string {
  const folded = text.normalize('NFKD').replace(ARABIC_MARKS, '').replace(INVISIBLE, '');
  return normalizePersian(folded)
    .replace(/[\u0629\u06d5]/g, '\u0647')
    .replace(ZWNJ_OR_WHITESPACE, ' ')
    .trim()
    .toLowerCase()
    .normalize('NFC');
}
