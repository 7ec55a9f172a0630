import { fullName } from '../../src/shared/names';

// Names and addresses in a dozen scripts, for the tests that print them (statements, final
// notices, receipts, agreements, lapse letters) and the tests that search for them. Each has the
// words a clerk might type to find the person: every part of the name as written, the plain
// spellings of letters that are not accented forms (ł, ß, ø, æ, ı), and for Chinese, Japanese and
// Korean any contiguous part of the name.

export interface ScriptName {
  script: string;
  id: string;
  firstName: string;
  middleName?: string;
  lastName: string;
  line1: string;
  city: string;
  /** What finds this person, and only this person, among the others here. */
  queries: string[];
}

export const SCRIPT_NAMES: ScriptName[] = [
  {
    script: 'Vietnamese',
    id: 'U01',
    firstName: 'Thị Minh Khai',
    lastName: 'Nguyễn',
    line1: '12 Phố Huế',
    city: 'Hà Nội',
    queries: ['Nguyễn', 'nguyen', 'Thị', 'thi', 'Minh', 'Khai', 'nguyen minh khai'],
  },
  {
    script: 'Polish',
    id: 'U02',
    firstName: 'Łukasz',
    lastName: 'Żółkiewski',
    line1: 'ul. Świętokrzyska 7',
    city: 'Łódź',
    queries: ['Łukasz', 'Lukasz', 'lukasz', 'Żółkiewski', 'Zolkiewski', 'zolk', 'łuk żół'],
  },
  {
    script: 'German',
    id: 'U03',
    firstName: 'Jürgen',
    lastName: 'Weiß-Straße',
    line1: 'Große Straße 5',
    city: 'Köln',
    queries: ['Weiß', 'Weiss', 'weiss', 'Straße', 'Strasse', 'weissstrasse', 'Jürgen', 'Jurgen'],
  },
  {
    script: 'Nordic',
    id: 'U04',
    firstName: 'Søren',
    lastName: 'Ærø',
    line1: 'Øster Allé 3',
    city: 'Århus',
    queries: ['Søren', 'Soren', 'soren', 'Ærø', 'Aero', 'aer'],
  },
  {
    script: 'Turkish',
    id: 'U05',
    firstName: 'Işıl',
    lastName: 'Yıldız',
    line1: 'İstiklal Caddesi 9',
    city: 'İzmir',
    queries: ['Işıl', 'Isil', 'ISIL', 'Yıldız', 'Yildiz', 'yild'],
  },
  {
    script: 'Greek',
    id: 'U06',
    firstName: 'Γιώργος',
    lastName: 'Παπαδόπουλος',
    line1: 'Οδός Ερμού 10',
    city: 'Αθήνα',
    queries: ['Γιώργος', 'Γιωργος', 'γιωργοσ', 'Παπαδόπουλος', 'ΠΑΠΑΔΟΠΟΥΛΟΣ', 'παπα'],
  },
  {
    script: 'Cyrillic',
    id: 'U07',
    firstName: 'Ирина',
    lastName: 'Петрова',
    line1: 'ул. Ленина 5',
    city: 'Москва',
    queries: ['Ирина', 'ирина', 'ИРИНА', 'Петрова', 'петр', 'петрова ирина'],
  },
  {
    script: 'Arabic',
    id: 'U08',
    firstName: 'محمد',
    lastName: 'عبد الله',
    line1: 'شارع الملك 12',
    city: 'عمان',
    queries: ['محمد', 'مُحَمَّد', 'عبد', 'الله', 'عبد الله', 'محمد عبد'],
  },
  {
    script: 'Hebrew',
    id: 'U09',
    firstName: 'דוד',
    lastName: 'כהן',
    line1: 'רחוב הרצל 4',
    city: 'חיפה',
    queries: ['דוד', 'כהן', 'כה', 'דוד כהן'],
  },
  {
    script: 'Chinese',
    id: 'U10',
    firstName: '小明',
    lastName: '王',
    line1: '北京路 8号',
    city: '上海',
    queries: ['王', '小明', '王小明', '王 小明', '明', '小'],
  },
  {
    script: 'Japanese',
    id: 'U11',
    firstName: '太郎',
    lastName: '山田',
    line1: '新宿区西新宿 2-8-1',
    city: '東京',
    queries: ['山田', '太郎', '山田太郎', '田太', '郎', '山田 太郎'],
  },
  {
    script: 'Japanese kana',
    id: 'U12',
    firstName: 'はなこ',
    lastName: 'やまだ',
    line1: 'さくら通り 3',
    city: 'おおさか',
    queries: ['やまだ', 'まだ', 'はなこ', 'なこ', 'やまだはなこ'],
  },
  {
    // 𠮷 (U+20BB7, a form of 吉 in names) lies beyond the Basic Multilingual Plane: "千" must find
    // the token "千𠮷", which sorts after "千\uffff".
    script: 'Japanese, beyond the BMP',
    id: 'U16',
    firstName: '千𠮷',
    lastName: '𠮷田',
    line1: '本町 1-1',
    city: '名古屋',
    queries: ['𠮷田', '𠮷', '千', '𠮷田千𠮷', '田千'],
  },
  {
    script: 'Korean',
    id: 'U13',
    firstName: '민준',
    lastName: '김',
    line1: '강남대로 123',
    city: '서울',
    queries: ['김', '민준', '김민준', '준', '김 민준'],
  },
  {
    script: 'Devanagari',
    id: 'U14',
    firstName: 'अनिल',
    lastName: 'शर्मा',
    line1: 'गांधी मार्ग 7',
    city: 'दिल्ली',
    queries: ['अनिल', 'शर्मा', 'शर्', 'अनिल शर्मा'],
  },
  {
    script: 'Thai',
    id: 'U15',
    firstName: 'สมชาย',
    lastName: 'ใจดี',
    line1: 'ถนนสุขุมวิท 5',
    city: 'กรุงเทพ',
    queries: ['สมชาย', 'ใจดี', 'สม', 'สมชาย ใจดี'],
  },
];

/** The name as documents print it (shared/names fullName): "Thị Minh Khai Nguyễn", "王小明". */
export function printedName(n: ScriptName): string {
  return fullName({ firstName: n.firstName, middleName: n.middleName ?? '', lastName: n.lastName });
}
