// The Unicode fonts documents fall back to when Helvetica cannot draw a line: Noto fonts shipped
// in npm packages (never downloaded), each read and parsed once per process (per worker thread),
// and only when a line first needs it. pdfkit embeds only the glyphs a document uses (a subset).
//
// The order is the fallback order: a character is drawn in the first font that has a glyph for
// it. Noto Sans covers Latin (Vietnamese, Polish, Turkish…), Greek, Cyrillic and Devanagari;
// then Arabic, Hebrew and Thai; then Khmer, Armenian, Georgian, Ethiopic, Bengali, Tamil, Telugu,
// Gujarati, Gurmukhi, Myanmar, Lao and Syriac; then the Chinese, Japanese and Korean fonts, in an order chosen by
// the line (see cjkOrder), since the same Han character is drawn differently in each.
// Licences: the fonts are under the SIL Open Font License 1.1 (docs/fonts.md).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';

export type FallbackFontKey =
  | 'sans'
  | 'sansBold'
  | 'arabic'
  | 'arabicBold'
  | 'hebrew'
  | 'hebrewBold'
  | 'thai'
  | 'thaiBold'
  | 'khmer'
  | 'khmerBold'
  | 'armenian'
  | 'armenianBold'
  | 'georgian'
  | 'georgianBold'
  | 'ethiopic'
  | 'ethiopicBold'
  | 'bengali'
  | 'bengaliBold'
  | 'tamil'
  | 'tamilBold'
  | 'telugu'
  | 'teluguBold'
  | 'gujarati'
  | 'gujaratiBold'
  | 'myanmar'
  | 'myanmarBold'
  | 'gurmukhi'
  | 'gurmukhiBold'
  | 'lao'
  | 'laoBold'
  | 'syriac'
  | 'syriacBold'
  | 'sc'
  | 'scBold'
  | 'jp'
  | 'jpBold'
  | 'kr'
  | 'krBold';

interface FontFile {
  /** The npm package that ships it. */
  pkg: string;
  /** Its path inside the package. */
  file: string;
}

const FILES: Record<FallbackFontKey, FontFile> = {
  sans: { pkg: '@embedpdf/fonts-latin', file: 'fonts/NotoSans-Regular.ttf' },
  sansBold: { pkg: '@embedpdf/fonts-latin', file: 'fonts/NotoSans-Bold.ttf' },
  arabic: { pkg: '@embedpdf/fonts-arabic', file: 'fonts/NotoNaskhArabic-Regular.ttf' },
  arabicBold: { pkg: '@embedpdf/fonts-arabic', file: 'fonts/NotoNaskhArabic-Bold.ttf' },
  hebrew: { pkg: '@embedpdf/fonts-hebrew', file: 'fonts/NotoSansHebrew-Regular.ttf' },
  hebrewBold: { pkg: '@embedpdf/fonts-hebrew', file: 'fonts/NotoSansHebrew-Bold.ttf' },
  thai: { pkg: '@expo-google-fonts/noto-sans-thai', file: '400Regular/NotoSansThai_400Regular.ttf' },
  thaiBold: { pkg: '@expo-google-fonts/noto-sans-thai', file: '700Bold/NotoSansThai_700Bold.ttf' },
  khmer: { pkg: '@expo-google-fonts/noto-sans-khmer', file: '400Regular/NotoSansKhmer_400Regular.ttf' },
  khmerBold: { pkg: '@expo-google-fonts/noto-sans-khmer', file: '700Bold/NotoSansKhmer_700Bold.ttf' },
  armenian: { pkg: '@expo-google-fonts/noto-sans-armenian', file: '400Regular/NotoSansArmenian_400Regular.ttf' },
  armenianBold: { pkg: '@expo-google-fonts/noto-sans-armenian', file: '700Bold/NotoSansArmenian_700Bold.ttf' },
  georgian: { pkg: '@expo-google-fonts/noto-sans-georgian', file: '400Regular/NotoSansGeorgian_400Regular.ttf' },
  georgianBold: { pkg: '@expo-google-fonts/noto-sans-georgian', file: '700Bold/NotoSansGeorgian_700Bold.ttf' },
  ethiopic: { pkg: '@expo-google-fonts/noto-sans-ethiopic', file: '400Regular/NotoSansEthiopic_400Regular.ttf' },
  ethiopicBold: { pkg: '@expo-google-fonts/noto-sans-ethiopic', file: '700Bold/NotoSansEthiopic_700Bold.ttf' },
  bengali: { pkg: '@expo-google-fonts/noto-sans-bengali', file: '400Regular/NotoSansBengali_400Regular.ttf' },
  bengaliBold: { pkg: '@expo-google-fonts/noto-sans-bengali', file: '700Bold/NotoSansBengali_700Bold.ttf' },
  tamil: { pkg: '@expo-google-fonts/noto-sans-tamil', file: '400Regular/NotoSansTamil_400Regular.ttf' },
  tamilBold: { pkg: '@expo-google-fonts/noto-sans-tamil', file: '700Bold/NotoSansTamil_700Bold.ttf' },
  telugu: { pkg: '@expo-google-fonts/noto-sans-telugu', file: '400Regular/NotoSansTelugu_400Regular.ttf' },
  teluguBold: { pkg: '@expo-google-fonts/noto-sans-telugu', file: '700Bold/NotoSansTelugu_700Bold.ttf' },
  gujarati: { pkg: '@expo-google-fonts/noto-sans-gujarati', file: '400Regular/NotoSansGujarati_400Regular.ttf' },
  gujaratiBold: { pkg: '@expo-google-fonts/noto-sans-gujarati', file: '700Bold/NotoSansGujarati_700Bold.ttf' },
  myanmar: { pkg: '@expo-google-fonts/noto-sans-myanmar', file: '400Regular/NotoSansMyanmar_400Regular.ttf' },
  myanmarBold: { pkg: '@expo-google-fonts/noto-sans-myanmar', file: '700Bold/NotoSansMyanmar_700Bold.ttf' },
  gurmukhi: { pkg: '@expo-google-fonts/noto-sans-gurmukhi', file: '400Regular/NotoSansGurmukhi_400Regular.ttf' },
  gurmukhiBold: { pkg: '@expo-google-fonts/noto-sans-gurmukhi', file: '700Bold/NotoSansGurmukhi_700Bold.ttf' },
  lao: { pkg: '@expo-google-fonts/noto-sans-lao', file: '400Regular/NotoSansLao_400Regular.ttf' },
  laoBold: { pkg: '@expo-google-fonts/noto-sans-lao', file: '700Bold/NotoSansLao_700Bold.ttf' },
  syriac: { pkg: '@expo-google-fonts/noto-sans-syriac', file: '400Regular/NotoSansSyriac_400Regular.ttf' },
  syriacBold: { pkg: '@expo-google-fonts/noto-sans-syriac', file: '700Bold/NotoSansSyriac_700Bold.ttf' },
  sc: { pkg: '@embedpdf/fonts-sc', file: 'fonts/NotoSansHans-Regular.otf' },
  scBold: { pkg: '@embedpdf/fonts-sc', file: 'fonts/NotoSansHans-Bold.otf' },
  jp: { pkg: '@embedpdf/fonts-jp', file: 'fonts/NotoSansJP-Regular.otf' },
  jpBold: { pkg: '@embedpdf/fonts-jp', file: 'fonts/NotoSansJP-Bold.otf' },
  kr: { pkg: '@embedpdf/fonts-kr', file: 'fonts/NotoSansKR-Regular.otf' },
  krBold: { pkg: '@embedpdf/fonts-kr', file: 'fonts/NotoSansKR-Bold.otf' },
};

const moduleFile = typeof __filename === 'string' ? __filename : path.join(process.cwd(), 'index.js');
const load = createRequire(moduleFile);

/** The folder of an installed package (some packages export no paths but their entry point). */
function packageDir(pkg: string): string {
  let dir = path.dirname(load.resolve(pkg));
  while (path.basename(dir) !== pkg.split('/').pop()) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`fonts: cannot find the folder of ${pkg}`);
    dir = parent;
  }
  return dir;
}

/** Where a fallback font's file is (for the docs' size table and the tests). */
export function fontPath(key: FallbackFontKey): string {
  const f = FILES[key];
  const base = f.pkg.includes('expo-google-fonts')
    ? path.dirname(load.resolve(`${f.pkg}/package.json`))
    : packageDir(f.pkg);
  return path.join(base, f.file);
}

const parsed = new Map<FallbackFontKey, fontkit.Font>();

/**
 * A font whose shaping never stops a document: fontkit 2.0.4 throws positioning some fonts' marks
 * (Noto Sans Gurmukhi leaves a mark anchor empty). Then the text is laid out unshaped — each
 * character's own glyph, side by side — which still prints real letters (a vowel sign may sit
 * beside its consonant rather than over it) instead of stopping a statement run.
 */
function neverThrows(font: fontkit.Font): fontkit.Font {
  interface Glyph {
    advanceWidth: number;
  }
  interface Run {
    glyphs: Glyph[];
    positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
    advanceWidth: number;
  }
  const f = font as unknown as {
    layout: (text: string, ...rest: unknown[]) => Run;
    glyphsForString: (text: string) => Glyph[];
  };
  const shaped = f.layout.bind(font);
  f.layout = (text: string, ...rest: unknown[]): Run => {
    try {
      return shaped(text, ...rest);
    } catch {
      const glyphs = f.glyphsForString(text);
      const positions = glyphs.map((g) => ({ xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 }));
      return { glyphs, positions, advanceWidth: glyphs.reduce((w, g) => w + g.advanceWidth, 0) };
    }
  };
  return font;
}

/** A fallback font, parsed on first use and kept for the life of the process. */
export function fallbackFont(key: FallbackFontKey): fontkit.Font {
  let font = parsed.get(key);
  if (!font) {
    font = neverThrows(fontkit.create(readFileSync(fontPath(key))) as fontkit.Font);
    parsed.set(key, font);
  }
  return font;
}

export type Weight = 'regular' | 'bold';
type Family =
  | 'sans'
  | 'arabic'
  | 'hebrew'
  | 'thai'
  | 'khmer'
  | 'armenian'
  | 'georgian'
  | 'ethiopic'
  | 'bengali'
  | 'tamil'
  | 'telugu'
  | 'gujarati'
  | 'myanmar'
  | 'gurmukhi'
  | 'lao'
  | 'syriac'
  | 'sc'
  | 'jp'
  | 'kr';

/**
 * The scripts of the hospital's other patient languages, each in its own Noto font (issue 10's
 * review: Khmer, Amharic, Armenian, Georgian, Bengali, Tamil, Telugu, Gujarati, Burmese, Lao and
 * Syriac names printed as empty boxes; Punjabi in Gurmukhi too). After Thai, before the CJK
 * fonts.
 */
const MORE_SCRIPTS: Family[] = [
  'khmer',
  'armenian',
  'georgian',
  'ethiopic',
  'bengali',
  'tamil',
  'telugu',
  'gujarati',
  'gurmukhi',
  'myanmar',
  'lao',
  'syriac',
];

function keyOf(family: Family, weight: Weight): FallbackFontKey {
  return (weight === 'bold' ? `${family}Bold` : family) as FallbackFontKey;
}

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * Which of the Chinese, Japanese and Korean fonts comes first for a line: a line with kana is
 * Japanese and one with Hangul is Korean (their Han characters take the Japanese or Korean
 * forms); any other Han is drawn with the Simplified Chinese forms. Decided by the line alone,
 * so the same line always draws the same way.
 */
function cjkOrder(line: string): Family[] {
  const order: Family[] = KANA.test(line)
    ? ['jp', 'sc', 'kr']
    : HANGUL.test(line)
      ? ['kr', 'sc', 'jp']
      : ['sc', 'jp', 'kr'];
  // One font for all of a line's characters when one has them all (a rare character only the
  // Japanese font has, like 𠮷, does not put the rest of the name in another design).
  const chars = [...line].filter((c) => CJK.test(c)).map((c) => c.codePointAt(0)!);
  if (chars.length === 0) return order;
  const whole = order.find((f) => chars.every((c) => fallbackFont(f).hasGlyphForCodePoint(c)));
  return whole ? [whole, ...order.filter((f) => f !== whole)] : order;
}

/** The fallback fonts for a line, in the order a character's font is chosen. */
export function fallbackOrder(line: string, weight: Weight): FallbackFontKey[] {
  return (['sans', 'arabic', 'hebrew', 'thai', ...MORE_SCRIPTS, ...cjkOrder(line)] as Family[]).map((f) =>
    keyOf(f, weight),
  );
}

const PREFIX = 'Recoup-';

/**
 * How much larger than the text around it a fallback font is drawn: Noto Naskh Arabic's letters
 * are small for its size (its body sits near a Latin x-height), and read small beside Helvetica.
 */
export function sizeScale(key: FallbackFontKey): number {
  return key === 'arabic' || key === 'arabicBold' ? 1.2 : 1;
}

/** The pdfkit name a fallback font is registered under in a document. */
export function registeredName(key: FallbackFontKey): string {
  return `${PREFIX}${key}`;
}

/** The fallback font a registered name stands for, if it is one. */
export function fallbackKeyOf(name: string): FallbackFontKey | null {
  if (!name.startsWith(PREFIX)) return null;
  const key = name.slice(PREFIX.length);
  return key in FILES ? (key as FallbackFontKey) : null;
}
