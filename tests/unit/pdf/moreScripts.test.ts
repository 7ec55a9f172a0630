// The scripts of patient languages beyond the first dozen (issue 10's review found them printed
// as empty boxes): every character of a name in Khmer, Amharic (Ethiopic), Armenian, Georgian,
// Bengali, Tamil, Telugu, Gujarati, Punjabi (Gurmukhi), Burmese, Lao and Syriac has a real glyph in
// the fallback order, and a document drawn with it reads back with the name's letters (Gurmukhi
// through the unshaped layout fontkit's failure falls back to: src/main/pdf/fonts.ts).
import { describe, expect, it } from 'vitest';
import { fallbackFont, fallbackOrder } from '../../../src/main/pdf/fonts';
import { createPdf, FONT, pdfBytes } from '../../../src/main/pdf/layout';
import { pdfPages } from '../pdfText';

const NAMES: [string, string][] = [
  ['Khmer', 'សុខ ដារ៉ា'],
  ['Amharic (Ethiopic)', 'አበበ ቢቂላ'],
  ['Armenian', 'Արամ Խաչատրյան'],
  ['Georgian', 'ნინო ბერიძე'],
  ['Bengali', 'রহিম উদ্দিন'],
  ['Tamil', 'முருகன் செல்வம்'],
  ['Telugu', 'వెంకట రావు'],
  ['Gujarati', 'પટેલ કિરણ'],
  ['Punjabi (Gurmukhi)', 'ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ'],
  ['Burmese (Myanmar)', 'အောင် ကျော်'],
  ['Lao', 'ສົມພອນ ແກ້ວ'],
  ['Syriac', 'ܐܦܪܝܡ'],
];

const letters = (s: string) => [...s.replace(/\s/g, '')].sort().join('');

describe('names in more scripts draw with real glyphs', () => {
  it.each(NAMES)('%s: every character is in a fallback font', (_script, name) => {
    for (const ch of name.replace(/\s/g, '')) {
      const cp = ch.codePointAt(0)!;
      const covered = fallbackOrder(name, 'regular').some((k) => fallbackFont(k).hasGlyphForCodePoint(cp));
      expect(covered, `U+${cp.toString(16)} of ${name}`).toBe(true);
    }
  });

  it.each(NAMES)('%s: a document with the name reads back with its letters', async (_script, name) => {
    const doc = createPdf({ title: 'Names', date: '2026-11-26' });
    doc.font(FONT.regular).fontSize(12).text(name);
    const text = (await pdfPages(await pdfBytes(doc))).join(' ');
    // Complex scripts read back in the order their glyphs are drawn, sometimes with a space inside a
    // word (docs/fonts.md): the page's letters are the name's letters, none a box or missing.
    expect(letters(text)).toBe(letters(name));
  });
});
