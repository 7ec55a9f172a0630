// Issue 18: the import reads a file as a stream (a MiB of bytes at a time, decoded piece by piece),
// never whole. The same rows, line numbers and report as reading the text at once, wherever the
// pieces are cut: inside a quoted cell, inside a character of several bytes, between CR and LF.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { csvChunks, csvHeaders, parseCsv, type CsvChunk } from '../../../src/main/capabilities/imports/csv';
import { decodeFile } from '../../../src/main/capabilities/imports/decode';
import { autoMapping, runImport, type ImportFile } from '../../../src/main/capabilities/imports/importer';
import { sourcePieces, type ImportSource } from '../../../src/main/capabilities/imports/source';
import { generateExtract, writeExtract } from '../../../src/main/demo/synthetic';
import type { ImportReport } from '../../../src/shared/schemas/import';
import { COMBINED_HEADER, SMALL_EXTRACT } from '../accounts/fixtures';
import { importHooks, setUpAndLogIn, testApp, type TestApp } from '../support';

const apps: TestApp[] = [];
afterEach(() => {
  for (const a of apps.splice(0)) a.cleanup();
});

async function readAll(source: ImportSource, encoding: 'utf-8' | 'windows-1252' = 'utf-8') {
  const rows: { line: number; cells: string[] }[] = [];
  const problems: CsvChunk['problems'] = [];
  let headers: string[] = [];
  for await (const chunk of csvChunks(sourcePieces('f.csv', source, encoding))) {
    headers = chunk.headers;
    rows.push(...chunk.rows);
    problems.push(...chunk.problems);
  }
  return { headers, rows, problems };
}

/** The bytes cut at every place in `cuts` (each part then read on its own). */
function cutAt(bytes: Buffer, cuts: number[]): Buffer[] {
  const parts: Buffer[] = [];
  let from = 0;
  for (const c of [...cuts, bytes.length]) {
    parts.push(bytes.subarray(from, c));
    from = c;
  }
  return parts;
}

const TRICKY = [
  'id,name,note',
  '1,"Smith, Jr.","two\r\nlines"',
  '2,Núñez 中文 😀,"a ""quoted"" word"',
  '',
  '3,"O\'Brien" ,plain',
  '4,last,"ends with quote"""',
].join('\r\n');

describe('the streaming reader (csv.ts, decode.ts, source.ts)', () => {
  it('reads the same rows and lines wherever the bytes are cut: in a quoted cell, in a character, between CR and LF', async () => {
    const bytes = Buffer.from(`\uFEFF${TRICKY}\r\n`, 'utf8');
    const whole = await parseCsv(TRICKY);
    expect(whole.rows.map((r) => r.line)).toEqual([2, 4, 6, 7]);
    expect(whole.rows[1]!.cells[1]).toBe('Núñez 中文 😀');
    expect(whole.rows[2]!.cells[1]).toBe("O'Brien");
    for (let cut = 1; cut < bytes.length; cut++) {
      for (const second of [cut + 1, cut + 3, bytes.length - 1]) {
        const cuts = second > cut && second < bytes.length ? [cut, second] : [cut];
        const read = await readAll({ parts: cutAt(bytes, cuts) });
        expect(read.headers).toEqual(whole.headers);
        expect(read.rows).toEqual(whole.rows);
        expect(read.problems).toEqual([]);
      }
    }
  });

  it('reads what papaparse reads, for rows of quotes, commas, CR and LF (the format the import always took)', async () => {
    const pieces = ['a', 'b', ',', '"', '""', '"x,y"', '"p\nq"', ' ', 'é'];
    let seed = 1;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let k = 0; k < 300; k++) {
      const lines: string[] = [];
      for (let l = 0; l < 4; l++) {
        const cells: string[] = [];
        for (let c = 0; c < 3; c++) {
          const quoted = random() < 0.4;
          let v = '';
          for (let n = Math.floor(random() * 4); n > 0; n--) v += pieces[Math.floor(random() * pieces.length)];
          cells.push(quoted ? `"${v.replaceAll('"', '""')}"` : v.replace(/[",\n]/g, ''));
        }
        lines.push(cells.join(','));
      }
      const text = lines.join(k % 2 ? '\r\n' : '\n');
      const papa = Papa.parse<string[]>(text, { delimiter: ',' });
      const mine = await parseCsv(text);
      const expected = papa.data.filter((cells) => !(cells.length === 1 && cells[0]!.trim() === ''));
      expect([mine.headers, ...mine.rows.map((r) => r.cells)], text).toEqual(
        expected.map((cells, i) => (i === 0 ? cells.map((h) => h.trim()) : cells)),
      );
    }
  });

  it('Windows-1252 bytes are read a piece at a time as the whole file is', async () => {
    const bytes = Buffer.from('last_name,city\r\nNu\xf1ez,Montr\xe9al\r\nM\xfcller,\x80uro\r\n', 'latin1');
    const whole = decodeFile('w.csv', bytes, 'windows-1252');
    for (let cut = 1; cut < bytes.length; cut++) {
      const read = await readAll({ parts: cutAt(bytes, [cut]) }, 'windows-1252');
      expect(read.rows.map((r) => r.cells)).toEqual((await parseCsv(whole)).rows.map((r) => r.cells));
    }
    expect((await readAll({ parts: [bytes] }, 'windows-1252')).rows[1]!.cells).toEqual(['Müller', '€uro']);
  });

  it('a byte that is not UTF-8 far into a file is named by its line, as for the whole file', async () => {
    const good = Array.from({ length: 40_000 }, (_, i) => `${i},row ${i} with some text`).join('\n');
    const bytes = Buffer.concat([Buffer.from(`id,text\n${good}\n`), Buffer.from('40000,Nu\xf1ez\n', 'latin1')]);
    expect(bytes.length).toBeGreaterThan(1 << 20);
    expect(() => decodeFile('big.csv', bytes, 'utf-8')).toThrow(/line 40002 has a character in another encoding/);
    await expect(readAll({ parts: cutAt(bytes, [1 << 20, (1 << 20) + 7]) })).rejects.toThrow(
      /line 40002 has a character in another encoding/,
    );
  });

  it('a quote never closed is reported on the line it opens, and nothing after it is read', async () => {
    const read = await readAll({ text: 'a,b\n1,2\n3,"open\n4,5\n6,7\n' });
    expect(read.rows.map((r) => r.line)).toEqual([2]);
    expect(read.problems).toEqual([{ line: 3, reason: 'has a quote that is never closed' }]);
  });

  it('the header is read from the start of the text alone', () => {
    expect(csvHeaders(`${COMBINED_HEADER}\r\nG1,...`)).toEqual(COMBINED_HEADER.split(','));
  });
});

function combinedFile(name: string, source: ImportSource): ImportFile {
  return {
    name,
    layout: 'combined',
    ...source,
    mapping: {
      layout: 'combined',
      columns: autoMapping(COMBINED_HEADER.split(','), 'combined'),
      dateFormat: 'YYYY-MM-DD',
      encoding: 'utf-8',
      amountSign: 'signed',
      typeCodes: {},
    },
  } as ImportFile;
}

async function importInto(files: ImportFile[], mode: 'preview' | 'commit' = 'commit') {
  const t = testApp();
  apps.push(t);
  await setUpAndLogIn(t);
  const report = await runImport(t.app.store.db, files, {
    mode,
    now: t.app.nowIso(),
    userId: 1,
    source: 'test',
    ...importHooks(t),
  });
  const count = (table: string) => t.app.store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return { report, count };
}

const comparable = (r: ImportReport) => ({ ...r, elapsedMs: 0 });

/** A combined extract of `n` guarantors with one account and one charge each, past a MiB. */
function bigCombined(n: number, change?: (line: number, row: string) => string): string {
  const rows = [COMBINED_HEADER];
  for (let i = 1; i <= n; i++) {
    const row = `G${i},M${i},"Smith, ${i}",Jane,1980-02-14,"${i} Oak St",Portland,ME,04101,2075550142,A${i},2025-01-10,2025-01-10,outpatient,self_pay,2025-02-01,T${i},charge,${(i % 900) + 10}.00,2025-01-10,,Clinic visit`;
    rows.push(change ? change(i + 1, row) : row);
  }
  return `${rows.join('\r\n')}\r\n`;
}

describe('the import from a file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'recoup-stream-'));
  const onDisk = (name: string, text: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('gives the same report from a file as from its text', async () => {
    const text = bigCombined(6_000);
    expect(Buffer.byteLength(text)).toBeGreaterThan(1 << 20);
    const fromText = await importInto([combinedFile('x.csv', { text })]);
    const fromFile = await importInto([combinedFile('x.csv', { path: onDisk('x.csv', text) })]);
    expect(fromFile.report.committed).toBe(true);
    expect(fromFile.report.rows).toBe(6_000);
    expect(comparable(fromFile.report)).toEqual(comparable(fromText.report));
    expect(fromFile.count('ledger_entries')).toBe(6_000);
  });

  it('names the real line of a bad cell deep in a streamed file, and writes nothing', async () => {
    const text = bigCombined(8_000, (line, row) =>
      line === 7_321 ? row.replace(',charge,', ',charge,ten dollars,').replace(/,\d+\.00,/, ',') : row,
    );
    const { report, count } = await importInto([combinedFile('bad.csv', { path: onDisk('bad.csv', text) })]);
    expect(report.committed).toBe(false);
    expect(report.errors.map((e) => [e.line, e.column])).toEqual([[7_321, 'amount']]);
    expect(count('guarantors')).toBe(0);
    expect(count('ledger_entries')).toBe(0);
    expect(count('import_batches')).toBe(0);
  });

  it('a preview of a file writes nothing and reports what a commit would do', async () => {
    const text = bigCombined(3_000);
    const { report, count } = await importInto([combinedFile('p.csv', { path: onDisk('p.csv', text) })], 'preview');
    expect(report.guarantors.created).toBe(3_000);
    expect(report.transactions.created).toBe(3_000);
    expect(count('guarantors')).toBe(0);
  });

  it('a transaction repeated in the file names the line it was first written from, near or far', async () => {
    const text = bigCombined(400, (line, row) =>
      line === 120 ? row.replace(/,T\d+,/, ',T118,') : line === 390 ? row.replace(/,T\d+,/, ',T3,') : row,
    );
    const { report } = await importInto([combinedFile('d.csv', { path: onDisk('d.csv', text) })], 'preview');
    expect(report.errors.map((e) => [e.line, e.reason])).toEqual([
      [120, 'Line 120: transaction T118 is a duplicate of line 119.'],
      [390, 'Line 390: transaction T3 is a duplicate of line 4.'],
    ]);
  });

  it('the small extract from a file with a BOM imports as from its text', async () => {
    const file = onDisk('small.csv', `\uFEFF${SMALL_EXTRACT}`);
    const fromFile = await importInto([combinedFile('small.csv', { path: file })]);
    const fromText = await importInto([combinedFile('small.csv', { text: SMALL_EXTRACT })]);
    expect(comparable(fromFile.report)).toEqual(comparable(fromText.report));
  });
});

describe('the synthetic data written to files', () => {
  it('is byte for byte what generateExtract makes for the same options', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'recoup-synth-'));
    const options = { seed: 11, guarantors: 4_321, today: '2026-11-26', idPrefix: 'B' };
    const x = generateExtract(options);
    const w = writeExtract(options, dir, 'b-');
    expect(w.counts).toEqual(x.counts);
    expect(readFileSync(w.guarantorsPath, 'utf8')).toBe(x.guarantorsCsv);
    expect(readFileSync(w.accountsPath, 'utf8')).toBe(x.accountsCsv);
    expect(readFileSync(w.transactionsPath, 'utf8')).toBe(x.transactionsCsv);
  });
});

describe('a first load into an empty store (firstLoad.ts)', () => {
  const indexes = (t: TestApp) =>
    t.app.store.db
      .prepare(
        `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('guarantors', 'accounts', 'ledger_entries', 'name_tokens') ORDER BY name`,
      )
      .all();

  it('builds the secondary indexes again after a commit, and a preview or a refused import leaves them as they were', async () => {
    for (const [mode, text] of [
      ['commit', SMALL_EXTRACT],
      ['preview', SMALL_EXTRACT],
      ['commit', SMALL_EXTRACT.replace('T1,charge,500.00', 'T1,charge,five')],
    ] as const) {
      const t = testApp();
      apps.push(t);
      await setUpAndLogIn(t);
      const before = indexes(t);
      expect(before.length).toBeGreaterThan(10);
      const report = await runImport(t.app.store.db, [combinedFile('s.csv', { text })], {
        mode,
        now: t.app.nowIso(),
        userId: 1,
        source: 'test',
        ...importHooks(t),
      });
      expect(report.committed).toBe(mode === 'commit' && report.errorCount === 0);
      expect(indexes(t)).toEqual(before);
      const plan = t.app.store.db
        .prepare(`EXPLAIN QUERY PLAN SELECT id FROM guarantors WHERE date_of_birth = '1980-02-14'`)
        .all() as { detail: string }[];
      // By date of birth: the date-of-birth index, or the payroll match's (033), narrower, also keyed by the date.
      expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX guarantors_(dob|match)\b/);
    }
  });
});
