// How a name is found: the words a guarantor's name is stored under (table name_tokens) and the
// words a clerk's query is cut into, folded the same way, so that a name matches however it is
// typed: with or without accents, in capitals or not, "Łukasz" or "Lukasz", "Straße" or
// "Strasse", "王小明" or just "小明".
//
// A query word matches a stored token it begins (index range scans in accounts/search.ts), so:
// - every word of a name is a token, folded (accents and other marks dropped, letters that are
//   not an accented form of a plain letter spelled out plainly: ł -> l, ß -> ss, ø -> o, æ -> ae);
// - a name written without spaces (Chinese, Japanese, Korean) is stored under every suffix of
//   each run of its characters ("山田太郎" under 山田太郎, 田太郎, 太郎 and 郎), so any contiguous
//   part of it is the start of a token: "太郎" and "田太" both find it.

/**
 * Letters that Unicode does not decompose into a plain letter and a mark, spelled as the plain
 * letters a clerk types for them (Polish, German, Nordic, Turkish, Croatian, Icelandic, Maltese…).
 */
const PLAIN_SPELLING: Record<string, string> = {
  ł: 'l',
  ß: 'ss',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ħ: 'h',
  ŧ: 't',
  ŀ: 'l',
  ĸ: 'k',
  ŋ: 'n',
  ſ: 's',
  ƒ: 'f',
  ɨ: 'i',
  ʉ: 'u',
  ɗ: 'd',
  ɓ: 'b',
  ƙ: 'k',
  ƴ: 'y',
  ς: 'σ', // Greek final sigma is the same letter as σ
};
const PLAIN_LETTERS = new RegExp(`[${Object.keys(PLAIN_SPELLING).join('')}]`, 'g');

/**
 * Marks dropped in folding: combining accents (Latin, Greek, Cyrillic, Vietnamese), Hebrew points
 * and cantillation, Arabic vowel marks, and the Arabic tatweel (a stretch, not a letter). Marks
 * that are part of a letter's spelling (Devanagari and Thai vowel signs, Japanese voicing marks)
 * stay.
 */
const DROPPED_MARKS = /[\u0300-\u036f\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u00ad]/g;

/**
 * Apostrophes inside a name ("O'Brien", "D‘Angelo", Hawaiian "ʻIolani"): dropped to join the word,
 * and also read as a break.
 */
const APOSTROPHE = /['’‘`´ʼʻ]/;
const APOSTROPHES = /['’‘`´ʼʻ]/g;

/** German umlauts, also spelled out as a clerk may type them: Müller is "muller" and "mueller". */
const UMLAUT = /[äöü]/;
const UMLAUTS = /[äöü]/g;
const UMLAUT_SPELLING: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue' };

/** Scripts written without spaces between a name's parts: Han, Hiragana, Katakana, Hangul. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー々〆]/u;
const UNSPACED_RUNS = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー々〆]+)/u;

/** Anything that is not part of a word: letters, marks and digits of any script are. */
const NOT_WORD = /[^\p{L}\p{M}\p{N}]+/u;
const NOT_WORD_G = /[^\p{L}\p{M}\p{N}]+/gu;

// Printable ASCII (most names): no Unicode folding needed.
const ASCII = /^[ -~]*$/;

/** A name in lower case with its marks dropped and its special letters spelled plainly. */
export function foldName(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  return (
    text
      // Compatibility forms first (full-width Ｓｍｉｔｈ, ligatures, half-width kana), then marks off.
      .normalize('NFKD')
      .replace(DROPPED_MARKS, '')
      .normalize('NFC')
      .toLowerCase()
      .replace(PLAIN_LETTERS, (c) => PLAIN_SPELLING[c]!)
  );
}

/**
 * A name as the payroll match compares it (issue 16: an employee to a guarantor): NFKD, marks
 * dropped, case folded, only letters and digits ("O’Brien-Smith" and "obriensmith" agree). Stored
 * beside each guarantor's names (guarantors.match_last, match_first) so the match is read from an
 * index.
 */
export function matchName(name: string): string {
  return foldName(name.normalize('NFKD')).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The words of one folded piece of text, with runs of unspaced scripts split from their neighbours. */
function words(folded: string): string[] {
  // Plain ASCII (most names): letters and digits, as before any other script was kept.
  if (ASCII.test(folded)) return folded.split(/[^a-z0-9]+/).filter((w) => w !== '');
  const out: string[] = [];
  for (const w of folded.split(NOT_WORD)) {
    if (w === '') continue;
    if (!UNSPACED.test(w)) out.push(w);
    else for (const part of w.split(UNSPACED_RUNS)) if (part !== '') out.push(part);
  }
  return out;
}

function isUnspaced(word: string): boolean {
  return UNSPACED.test(word);
}

/** Whether a name is written wholly in a script without spaces between its parts (Chinese, Japanese, Korean). */
export function writtenUnspaced(name: string): boolean {
  const w = words(foldName(name));
  return w.length > 0 && w.every(isUnspaced);
}

/** Every suffix of a run of unspaced characters, the run itself first. */
function suffixes(run: string): string[] {
  const chars = [...run];
  return chars.map((_, i) => chars.slice(i).join(''));
}

/**
 * Every token a name is stored under, given as (first, middle, last): "O'Brien-Núñez" ->
 * ["obrien", "nunez", "obriennunez", "o", "brien"]; "王小明" -> ["王小明", "小明", "明"]. A name
 * whose parts are all Chinese, Japanese or Korean is also stored as it is written, family name
 * first and unspaced ("王" + "小明" -> "王小明", "小明", "明"), so the whole name finds it too.
 */
export function nameTokens(...names: string[]): string[] {
  const out = new Set<string>();
  const given = names.every((n) => ASCII.test(n))
    ? []
    : names.map((n) => foldName(n).replace(NOT_WORD_G, '')).filter((n) => n !== '');
  if (given.length > 1 && given.every((n) => words(n).every(isUnspaced))) {
    const [first, ...rest] = given;
    for (const s of suffixes([rest[rest.length - 1]!, first!, ...rest.slice(0, -1)].join(''))) out.add(s);
  }
  for (const name of names) {
    const ascii = ASCII.test(name);
    const folded = foldName(name);
    const joined = folded.replace(APOSTROPHES, '');
    const parts = words(joined);
    for (const p of parts) {
      out.add(p);
      // Every suffix of an unspaced run, so any contiguous part is the start of a token.
      if (!ascii && isUnspaced(p)) for (const suffix of suffixes(p)) out.add(suffix);
    }
    if (parts.length > 1 && /-/.test(joined) && (ascii || !parts.some(isUnspaced))) out.add(parts.join(''));
    if (APOSTROPHE.test(folded)) for (const p of words(folded.replace(APOSTROPHES, ' '))) out.add(p);
    // Müller is also stored as "mueller" (the folding above gives "muller").
    const lower = name.normalize('NFC').toLowerCase();
    if (!ascii && UMLAUT.test(lower))
      for (const p of words(foldName(lower.replace(UMLAUTS, (c) => UMLAUT_SPELLING[c]!)).replace(APOSTROPHES, '')))
        out.add(p);
  }
  return [...out];
}

/**
 * The words of a clerk's query, folded as names are: each must begin one of a guarantor's tokens.
 * "Strasse" and "Straße" give the same word; "小明" is one word, found inside "王小明".
 */
export function queryWords(query: string): string[] {
  const folded = foldName(query);
  const out = new Set<string>();
  for (const p of words(folded.replace(APOSTROPHES, ''))) out.add(p);
  if (APOSTROPHE.test(folded)) for (const p of words(folded.replace(APOSTROPHES, ' '))) out.add(p);
  return [...out];
}
