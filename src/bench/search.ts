// The search bench (issue 18): 1,000 mixed queries as a clerk types them — names in any script,
// account numbers, MRNs, phones and dates of birth — timed one by one, with a breakdown by kind.
// The scale data set's names are all Latin, so a deterministic 1% of guarantors with names in
// other scripts is added first through the accounts capability's own write path (their tokens
// made the real way), and a share of the queries looks for them.
//
// RECOUP_BENCH_ONLY=search RECOUP_BENCH_DB=/path/to/kept.db: the same measure on a database kept
// by RECOUP_BENCH_ONLY=database (its key beside it in .key), without importing again. The file is
// migrated and gets its script guarantors once (so use a copy of a shared one); with
// RECOUP_BENCH_READONLY=1 it is opened read-only and measured as it is. RECOUP_BENCH_QUERIES="a|b c"
// also times the queries given, one by one.
import { readFileSync } from 'node:fs';
import { insertGuarantorByHand, search } from '../main/capabilities/accounts';
import { openEncrypted, type Db } from '../main/store/database';
import { migrate } from '../main/store/migrations';

/** What a query looks for, for the breakdown. */
export type SearchKind =
  'name_prefixes' | 'full_name' | 'account_number' | 'mrn' | 'phone' | 'date_of_birth' | 'script_name';

interface ScriptNames {
  script: string;
  last: readonly string[];
  first: readonly string[];
}

/** Family and given names in the scripts a hospital's register meets, a few of each. */
const SCRIPTS: readonly ScriptNames[] = [
  {
    script: 'Cyrillic',
    last: ['Иванов', 'Петрова', 'Смирнов', 'Кузнецова', 'Попов', 'Соколова', 'Лебедев', 'Морозова'],
    first: ['Александр', 'Мария', 'Дмитрий', 'Анна', 'Сергей', 'Ольга', 'Наталья', 'Юрий'],
  },
  {
    script: 'Greek',
    last: ['Παπαδόπουλος', 'Γεωργίου', 'Παπαδάκη', 'Οικονόμου', 'Νικολάου', 'Καραγιάννης'],
    first: ['Γιώργος', 'Μαρία', 'Ελένη', 'Δημήτρης', 'Νίκος', 'Κατερίνα'],
  },
  {
    script: 'Arabic',
    last: ['الحسن', 'حداد', 'خوري', 'منصور', 'العلي', 'سعيد'],
    first: ['محمد', 'أحمد', 'فاطمة', 'علي', 'مريم', 'يوسف'],
  },
  {
    script: 'Chinese',
    last: ['王', '李', '张', '刘', '陈', '杨', '黄', '赵'],
    first: ['小明', '伟', '芳', '秀英', '建国', '丽', '强', '静怡'],
  },
  {
    script: 'Japanese',
    last: ['佐藤', '鈴木', '高橋', '田中', '渡辺', '山本', '中村', 'たかはし'],
    first: ['太郎', '花子', '翔太', '陽菜', '大輔', '美咲', 'さくら', 'ケンジ'],
  },
  {
    script: 'Korean',
    last: ['김', '이', '박', '최', '정', '강'],
    first: ['민준', '서연', '지훈', '하은', '도윤', '서준'],
  },
  {
    script: 'Devanagari',
    last: ['शर्मा', 'वर्मा', 'पटेल', 'गुप्ता', 'सिंह', 'कुमार'],
    first: ['राहुल', 'प्रिया', 'अमित', 'सुनीता', 'अंकित', 'पूजा'],
  },
  {
    script: 'accented Latin',
    last: ['Núñez', 'Müller', 'Żółkiewski', 'Øvergård', 'Çelik', 'Šimková', 'Nguyễn', 'Dvořák'],
    first: ['José', 'Zoë', 'Łukasz', 'Søren', 'Jürgen', 'Thị', 'François', 'Ángel'],
  },
];

/** Guarantor numbers of the script guarantors: X1, X2, … (the extract's are G…, A G… to D G…). */
const SCRIPT_ID_PREFIX = 'X';

interface ScriptGuarantor {
  script: string;
  first: string;
  last: string;
}

/** The n-th script guarantor, the same on every run. */
function scriptGuarantor(n: number): ScriptGuarantor {
  const s = SCRIPTS[n % SCRIPTS.length]!;
  const k = Math.floor(n / SCRIPTS.length);
  return { script: s.script, last: s.last[k % s.last.length]!, first: s.first[(k * 7 + n) % s.first.length]! };
}

/**
 * Adds guarantors with names in other scripts until they are `share` of all guarantors (1% by
 * default), through insertGuarantorByHand, which puts their names in the search the same way the
 * import does. Returns how many there are.
 */
export function addScriptGuarantors(db: Db, now: string, share = 0.01): number {
  const have = db
    .prepare(`SELECT count(*) FROM guarantors WHERE external_id >= ? AND external_id < ?`)
    .pluck()
    .get(SCRIPT_ID_PREFIX, `${SCRIPT_ID_PREFIX}\u{10ffff}`) as number;
  const total = db.prepare('SELECT count(*) FROM guarantors').pluck().get() as number;
  const want = Math.round(((total - have) * share) / (1 - share));
  db.transaction(() => {
    for (let n = have; n < want; n++) {
      const g = scriptGuarantor(n);
      insertGuarantorByHand(
        db,
        {
          externalId: `${SCRIPT_ID_PREFIX}${n + 1}`,
          mrn: null,
          lastName: g.last,
          firstName: g.first,
          middleName: '',
          dateOfBirth: `19${String(40 + (n % 60)).padStart(2, '0')}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`,
          addressLine1: `${1 + (n % 900)} Harbor View Road`,
          addressLine2: '',
          city: 'Portland',
          state: 'ME',
          zip: '04101',
          phone: '',
          email: '',
          language: 'English',
        },
        now,
      );
    }
  })();
  return Math.max(have, want);
}

/** Is the name written without spaces between its parts (Chinese, Japanese, Korean)? */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** What a clerk types for a script guarantor: the whole name, its beginnings, or for CJK any part. */
function scriptQuery(g: ScriptGuarantor, i: number): string {
  const chars = (s: string, n: number) => [...s].slice(0, n).join('');
  if (UNSPACED.test(g.last)) {
    const form = i % 3;
    if (form === 0) return `${g.last}${g.first}`; // as written: family name first, unspaced
    if (form === 1) return g.first; // the given name alone (a suffix token)
    return `${g.last} ${g.first}`;
  }
  const form = i % 3;
  if (form === 0) return `${g.first} ${g.last}`;
  if (form === 1) return `${chars(g.last, 3)} ${chars(g.first, 2)}`;
  return g.last;
}

interface SampleGuarantor {
  last_name: string;
  first_name: string;
  mrn: string | null;
  phone: string;
  date_of_birth: string | null;
}

/**
 * The bench's 1,000 mixed queries, drawn from the database deterministically: beginnings of a last
 * and a first name ("smit ja"), a whole name, an account number, an MRN, a phone number, a date of
 * birth, and a name in another script (when the script guarantors are there).
 */
export function searchQueries(db: Db, count = 1000): { kind: SearchKind; query: string }[] {
  // The extract's guarantors (the script guarantors, added last, have no MRN).
  const maxGuarantor = db.prepare('SELECT max(id) FROM guarantors WHERE mrn IS NOT NULL').pluck().get() as number;
  const maxAccount = db.prepare('SELECT max(id) FROM accounts').pluck().get() as number;
  const scripts = db
    .prepare(`SELECT count(*) FROM guarantors WHERE external_id >= ? AND external_id < ?`)
    .pluck()
    .get(SCRIPT_ID_PREFIX, `${SCRIPT_ID_PREFIX}\u{10ffff}`) as number;
  const guarantor = db.prepare(
    `SELECT last_name, first_name, mrn, phone, date_of_birth FROM guarantors WHERE id >= ? AND mrn IS NOT NULL ORDER BY id LIMIT 1`,
  );
  const account = db.prepare('SELECT account_number FROM accounts WHERE id >= ? ORDER BY id LIMIT 1').pluck();
  const kinds: SearchKind[] = ['name_prefixes', 'full_name', 'account_number', 'mrn', 'phone', 'date_of_birth'];
  if (scripts > 0) kinds.push('script_name');
  const queries: { kind: SearchKind; query: string }[] = [];
  for (let i = 0; i < count; i++) {
    const g = guarantor.get(1 + ((i * 7919) % maxGuarantor)) as SampleGuarantor;
    const kind = kinds[i % kinds.length]!;
    let query: string;
    if (kind === 'name_prefixes') query = `${g.last_name.slice(0, 4)} ${g.first_name.slice(0, 2)}`;
    else if (kind === 'full_name') query = `${g.first_name} ${g.last_name}`;
    else if (kind === 'account_number') query = account.get(1 + ((i * 104_729) % maxAccount)) as string;
    else if (kind === 'mrn') query = g.mrn!;
    else if (kind === 'phone') query = g.phone;
    else if (kind === 'date_of_birth') query = g.date_of_birth!;
    else query = scriptQuery(scriptGuarantor((i * 7919) % scripts), Math.floor(i / kinds.length));
    queries.push({ kind, query });
  }
  return queries;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function round(n: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/**
 * Times each query once (after one untimed pass over a few, so the first query does not pay for
 * compiling statements), records search_median_ms and search_p95_ms in `results`, and prints the
 * figures with a breakdown by kind.
 */
export function searchBench(db: Db, results: Record<string, number>, count = 1000): void {
  const queries = searchQueries(db, count);
  for (const { query } of queries.slice(0, 14)) search(db, query);
  const all: number[] = [];
  const byKind = new Map<SearchKind, number[]>();
  const slowest: { query: string; ms: number; found: number }[] = [];
  for (const { kind, query } of queries) {
    const t = performance.now();
    const found = search(db, query).length;
    const ms = performance.now() - t;
    all.push(ms);
    slowest.push({ query, ms, found });
    const list = byKind.get(kind) ?? [];
    list.push(ms);
    byKind.set(kind, list);
  }
  all.sort((a, b) => a - b);
  results.search_median_ms = round(percentile(all, 50));
  results.search_p95_ms = round(percentile(all, 95));
  console.log(
    `Search (${count.toLocaleString()} mixed queries): median ${results.search_median_ms} ms, p95 ${results.search_p95_ms} ms`,
  );
  for (const [kind, ms] of byKind) {
    ms.sort((a, b) => a - b);
    console.log(
      `  ${kind.padEnd(15)} ${String(ms.length).padStart(4)} queries: median ${round(percentile(ms, 50))} ms, p95 ${round(percentile(ms, 95))} ms, max ${round(ms[ms.length - 1]!)} ms`,
    );
  }
  slowest.sort((a, b) => b.ms - a.ms);
  console.log(
    `  slowest: ${slowest
      .slice(0, 8)
      .map((s) => `"${s.query}" ${round(s.ms, 1)} ms (${s.found} found)`)
      .join(', ')}`,
  );
}

/** RECOUP_BENCH_ONLY=search: see the head of this file. */
export function searchOnly(file: string, now: string): Record<string, number> {
  const key = Buffer.from(readFileSync(`${file}.key`, 'utf8').trim(), 'hex');
  const readonly = process.env.RECOUP_BENCH_READONLY === '1';
  const db = openEncrypted(file, key, { mustExist: true, readonly });
  const results: Record<string, number> = {};
  try {
    if (!readonly) {
      let t = performance.now();
      const applied = migrate(db);
      if (applied.length > 0)
        console.log(`Migrated (${applied.join(', ')}) in ${round((performance.now() - t) / 1000, 1)} s`);
      t = performance.now();
      const n = addScriptGuarantors(db, now);
      console.log(`Script guarantors: ${n} (${round(performance.now() - t, 0)} ms to add the missing ones)`);
      db.pragma('wal_checkpoint(TRUNCATE)');
    }
    const guarantors = db.prepare('SELECT count(*) FROM guarantors').pluck().get() as number;
    console.log(`Searching ${guarantors.toLocaleString()} guarantors in ${file}`);
    searchBench(db, results);
    // RECOUP_BENCH_QUERIES="ma|jo smi|…": also each of these, three times (for looking at one case).
    for (const query of process.env.RECOUP_BENCH_QUERIES?.split('|') ?? []) {
      const times = [0, 1, 2].map(() => {
        const t = performance.now();
        search(db, query);
        return round(performance.now() - t, 1);
      });
      console.log(`  "${query}": ${search(db, query).length} found in ${times.join(', ')} ms`);
    }
  } finally {
    db.close();
  }
  return results;
}
