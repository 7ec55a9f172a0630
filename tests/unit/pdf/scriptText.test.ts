// Text in any script (src/main/pdf/scriptText.ts): which lines fall back from Helvetica, in which
// fonts and in what order the pieces of a line are drawn, and that measuring agrees with drawing.
import { describe, expect, it } from 'vitest';
import { createPdf, FONT, PAGE, pdfBytes } from '../../../src/main/pdf/layout';
import { lineFragments, standardFontDraws, textLines } from '../../../src/main/pdf/scriptText';
import { pdfPages } from '../pdfText';

describe('which lines Helvetica draws', () => {
  it.each([
    ['Jane Q Smith, 12 Oak St', true],
    ['Søren Ærø · Straße — “Weiß” €5', true],
    ['Łukasz', false],
    ['Nguyễn', false],
    ['Ирина', false],
    ['王小明', false],
  ])('%s: %s', (text, drawn) => {
    expect(standardFontDraws(text)).toBe(drawn);
  });

  it('leaves a text Helvetica draws to pdfkit, and splits the others line by line', () => {
    expect(textLines('Jane Q Smith\n12 Oak St', 'regular')).toBeNull();
    expect(textLines('Thị Minh Khai Nguyễn\n12 Oak St\n', 'regular')).toEqual([
      [{ font: 'sans', text: 'Thị Minh Khai Nguyễn' }],
      [{ font: null, text: '12 Oak St' }],
      [],
    ]);
  });
});

describe('the pieces of a line, in fonts and in the order they are drawn (left to right)', () => {
  it.each([
    // A whole line in one font: no Helvetica letters beside Noto ones.
    ['Łukasz Żółkiewski', 'regular', [['sans', 'Łukasz Żółkiewski']]],
    ['Ирина Петрова', 'bold', [['sansBold', 'Ирина Петрова']]],
    // Digits and spaces stay with the letters before them; another script starts another piece.
    [
      '王小明 (Wang)',
      'regular',
      [
        ['sc', '王小明 ('],
        ['sans', 'Wang)'],
      ],
    ],
    ['やまだ 山田', 'regular', [['jp', 'やまだ 山田']]],
    ['김민준', 'regular', [['kr', '김민준']]],
    // Right to left: the words of a run in reverse order, each laid out right to left by fontkit.
    [
      'محمد عبد الله',
      'regular',
      [
        ['arabic', 'الله'],
        ['arabic', ' '],
        ['arabic', 'عبد'],
        ['arabic', ' '],
        ['arabic', 'محمد'],
      ],
    ],
    // A number in right-to-left text stays left to right, and on the left of the words before it
    // (in Noto Sans: the Hebrew font has no digits).
    [
      'רחוב הרצל 4',
      'regular',
      [
        ['sans', '4'],
        ['hebrew', ' '],
        ['hebrew', 'הרצל'],
        ['hebrew', ' '],
        ['hebrew', 'רחוב'],
      ],
    ],
    [
      'Dr. محمد',
      'regular',
      [
        ['sans', 'Dr. '],
        ['arabic', 'محمد'],
      ],
    ],
  ] as const)('%s (%s)', (line, weight, expected) => {
    expect(lineFragments(line, weight)!.map((p) => [p.font, p.text])).toEqual(expected);
  });
});

describe('measuring agrees with drawing', () => {
  const name = 'Thị Minh Khai Nguyễn 王小明 محمد عبد الله Ирина Петрова';
  it('the height of a wrapped text in several scripts is the height it takes when drawn', () => {
    const doc = createPdf({ title: 't', date: '2026-12-01' });
    const text = `${name} ${name}\n${name}`;
    const height = doc.heightOfString(text, { width: 150 });
    const top = 100;
    doc.text(text, PAGE.margin, top, { width: 150 });
    expect(doc.y - top).toBeCloseTo(height, 5);
    expect(height).toBeGreaterThan(5 * doc.currentLineHeight(true));
  });

  it('the width of a line is the sum of its pieces, and a line of Helvetica is measured as before', () => {
    const doc = createPdf({ title: 't', date: '2026-12-01', layout: 2 });
    const old = createPdf({ title: 't', date: '2026-12-01', layout: 1 });
    expect(doc.widthOfString('Jane Q Smith')).toBe(old.widthOfString('Jane Q Smith'));
    const w = doc.widthOfString('Łukasz 王');
    expect(w).toBeCloseTo(doc.widthOfString('Łukasz ') + doc.widthOfString('王'), 5);
    expect(w).toBeGreaterThan(0);
  });

  it('restores the document’s font after drawing pieces in others', async () => {
    const doc = createPdf({ title: 't', date: '2026-12-01' });
    doc.font(FONT.bold).text('王小明 Ирина', PAGE.margin, 100);
    expect((doc as unknown as { _font: { name: string } })._font.name).toBe('Helvetica-Bold');
    doc.text('Total', PAGE.margin, 130);
    expect((await pdfPages(await pdfBytes(doc)))[0]).toContain('王小明 Ирина');
  });
});
