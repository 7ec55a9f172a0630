// PP-04: the monthly OB statement run. The preview says who is due (paying before delivery,
// something left, no OB statement yet this month) and why the others are left out; the run writes,
// all or nothing, one row per case with caseProgress's figures, each statement in her language in
// ONE PDF kept as a document of no guarantor, with the EMTALA sentence on EVERY statement; an empty
// run is refused; the runs list and the run's PDF again; the accounts are never touched.
import { afterEach, describe, expect, it } from 'vitest';
import { caseProgress, depositTotals } from '../../../src/main/capabilities/obstetrics/reads';
import { obEmtalaSentence } from '../../../src/shared/wording/obTexts';
import { deposit, obWorld, openCase, pdfPages, sign, TODAY, type ObWorld } from './obDocumentsSupport';

let w: ObWorld;
afterEach(() => w?.t.cleanup());

const DATE = '2027-02-10';

/**
 * P1 Rosa (English): active, $300.00 + $762.50 paid: payment 2 half past due.
 * P2 María José (Spanish): active, nothing paid: $1,525.00 past due.
 * P3 Ana: awaiting her signature. Plus, under new guarantors: a delivered case, an active case
 * paid in full, and an active case already sent a statement on 2027-02-03.
 */
async function book() {
  w = await obWorld([
    { external: 'P4', last: 'Okafor', first: 'Ngozi' },
    { external: 'P5', last: 'Lindqvist', first: 'Maja' },
    { external: 'P6', last: 'Tran', first: 'Linh' },
  ]);
  const db = w.t.app.store.db;
  const rosa = openCase(w, { guarantor: 'P1' });
  sign(w, rosa);
  deposit(w, rosa, 30_000);
  deposit(w, rosa, 76_250, '2026-12-20');
  const maria = openCase(w, { guarantor: 'P2', language: 'es' });
  sign(w, maria);
  const ana = openCase(w, { guarantor: 'P3' });
  const delivered = openCase(w, { guarantor: 'P4' });
  sign(w, delivered);
  db.prepare("UPDATE ob_cases SET status = 'delivered', delivered_on = '2027-01-30' WHERE id = ?").run(delivered);
  const paidUp = openCase(w, { guarantor: 'P5' });
  sign(w, paidUp);
  deposit(w, paidUp, 305_000);
  const sent = openCase(w, { guarantor: 'P6' });
  sign(w, sent);
  w.t.clock.setToday('2027-02-03');
  await w.t.call('ob:statement', { caseId: sent }, w.admin);
  w.t.clock.setToday(DATE);
  return { rosa, maria, ana, delivered, paidUp, sent };
}

describe('PP-04: the OB statement run', () => {
  it('previews who is due and why the others are left out', async () => {
    const c = await book();
    const preview = await w.t.call('ob:statementRunPreview', { statementDate: DATE }, w.admin);
    expect(preview.due).toEqual([
      {
        caseId: c.rosa,
        reference: `OB-${c.rosa}`,
        guarantorName: 'Rosa Delgado',
        nextDue: { dueDate: '2027-02-05', cents: 46_250 },
        pastDueCents: 46_250,
      },
      {
        caseId: c.maria,
        reference: `OB-${c.maria}`,
        guarantorName: 'María José Ibáñez',
        nextDue: { dueDate: '2027-01-05', cents: 76_250 },
        pastDueCents: 152_500,
      },
    ]);
    expect(preview.left.map((l) => [l.caseId, l.reason])).toEqual([
      [c.ana, 'Awaiting the signed agreement.'],
      [c.delivered, 'Delivered on January 30, 2027: the rest is settled at the true-up.'],
      [c.paidUp, 'Nothing left to pay before the delivery.'],
      [c.sent, 'Already sent this month, on February 3, 2027.'],
    ]);
    // The next month, the case sent on 2027-02-03 is due again.
    w.t.clock.setToday('2027-03-01');
    const march = await w.t.call('ob:statementRunPreview', { statementDate: '2027-03-01' }, w.admin);
    expect(march.due.map((d) => d.caseId)).toEqual([c.rosa, c.maria, c.sent]);
  });

  it('refuses a statement date after today', async () => {
    await book();
    await expect(w.t.call('ob:statementRunPreview', { statementDate: '2027-02-11' }, w.admin)).rejects.toThrow(
      'The statement date cannot be after today.',
    );
    await expect(w.t.call('ob:statementRun', { statementDate: '2027-02-11' }, w.admin)).rejects.toThrow(
      'The statement date cannot be after today.',
    );
  });

  it('runs: one row per case with caseProgress’s figures, one PDF of all in each one’s language, EMTALA on every statement; then nothing is due', async () => {
    const c = await book();
    const db = w.t.app.store.db;
    const accountsBefore = db.prepare('SELECT * FROM accounts ORDER BY id').all();
    const handle = await w.t.call('ob:statementRun', { statementDate: DATE }, w.admin);
    const bytes = await w.t.file(handle);
    const pages = pdfPages(bytes, 'run');

    const rows = db.prepare('SELECT * FROM ob_statements WHERE run_id IS NOT NULL ORDER BY case_id').all() as Record<
      string,
      number | string | null
    >[];
    expect(rows.map((r) => r.case_id)).toEqual([c.rosa, c.maria]);
    for (const r of rows) {
      const { version, progress } = caseProgress(db, r.case_id as number, DATE);
      expect(r).toMatchObject({
        statement_date: DATE,
        version_id: version.id,
        estimate_cents: version.estimate_cents,
        paid_cents: depositTotals(db, r.case_id as number).liveCents,
        next_due_date: progress.nextDue?.dueDate ?? null,
        next_due_cents: progress.nextDue?.cents ?? 0,
        past_due_cents: progress.pastDueCents,
      });
      // Each statement is also kept among her documents.
      expect(db.prepare('SELECT kind FROM documents WHERE id = ?').pluck().get(r.document_id)).toBe('ob_statement');
    }
    expect(rows.map((r) => r.language)).toEqual(['en', 'es']);
    expect(rows[0]).toMatchObject({ paid_cents: 106_250, next_due_cents: 46_250, past_due_cents: 46_250 });
    expect(rows[1]).toMatchObject({ paid_cents: 0, next_due_cents: 76_250, past_due_cents: 152_500 });

    // One PDF: Rosa's statement in English, then María José's in Spanish, each with the EMTALA sentence.
    const rosaPages = pages.filter((p) => p.includes('Rosa Delgado'));
    const mariaPages = pages.filter((p) => p.includes('María José Ibáñez'));
    expect(rosaPages.length + mariaPages.length).toBe(pages.length);
    expect(rosaPages.join(' ')).toContain('Maternity statement');
    expect(rosaPages.join(' ')).toContain(obEmtalaSentence('en'));
    expect(rosaPages.join(' ')).toContain('Past due $462.50 (due February 5, 2027)');
    expect(rosaPages.join(' ')).toContain('Your next payment $762.50, due March 5, 2027');
    expect(mariaPages.join(' ')).toContain('Estado de cuenta de maternidad');
    expect(mariaPages.join(' ')).toContain(obEmtalaSentence('es'));
    expect(mariaPages.join(' ')).toContain('Vencido $1,525.00 (venció el 5 de enero de 2027)');
    expect(mariaPages.join(' ')).not.toContain(obEmtalaSentence('en'));

    const run = db.prepare('SELECT * FROM ob_statement_runs').all() as { id: number; document_id: number }[];
    expect(run).toHaveLength(1);
    expect(db.prepare('SELECT guarantor_id, kind FROM documents WHERE id = ?').get(run[0]!.document_id)).toEqual({
      guarantor_id: null,
      kind: 'ob_statement_run',
    });
    // The runs list, and the run's PDF again, byte for byte.
    expect(await w.t.call('ob:statementRuns', {}, w.admin)).toEqual([
      { id: run[0]!.id, statementDate: DATE, count: 2, documentId: run[0]!.document_id, createdAt: expect.any(String) },
    ]);
    const again = await w.t.file(await w.t.call('ob:statementRunPdf', { runId: run[0]!.id }, w.admin));
    expect(again.equals(bytes)).toBe(true);

    // No account touched (no first statement, no 501(r) clock).
    expect(db.prepare('SELECT * FROM accounts ORDER BY id').all()).toEqual(accountsBefore);

    // One statement per case per month: run again, nothing is due, refused and nothing written.
    await expect(w.t.call('ob:statementRun', { statementDate: DATE }, w.admin)).rejects.toThrow(
      'No OB statement is due for February 10, 2027',
    );
    expect(db.prepare('SELECT count(*) FROM ob_statement_runs').pluck().get()).toBe(1);
  });

  it('is all or nothing: a failure on the second statement leaves no run, no row, no document', async () => {
    const c = await book();
    const db = w.t.app.store.db;
    const docsBefore = db.prepare('SELECT count(*) FROM documents').pluck().get();
    const rowsBefore = db.prepare('SELECT count(*) FROM ob_statements').pluck().get();
    db.exec(
      `CREATE TEMP TRIGGER ob_fail BEFORE INSERT ON ob_statements WHEN NEW.case_id = ${c.maria}
         BEGIN SELECT RAISE(ABORT, 'the disk is full'); END`,
    );
    await expect(w.t.call('ob:statementRun', { statementDate: DATE }, w.admin)).rejects.toThrow();
    db.exec('DROP TRIGGER ob_fail');
    expect(db.prepare('SELECT count(*) FROM ob_statement_runs').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM ob_statements').pluck().get()).toBe(rowsBefore);
    expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(docsBefore);
    // And then it runs.
    await w.t.call('ob:statementRun', { statementDate: DATE }, w.admin);
    expect(db.prepare('SELECT count(*) FROM ob_statements WHERE run_id IS NOT NULL').pluck().get()).toBe(2);
  });

  it('refuses an empty run when there is no open case', async () => {
    w = await obWorld();
    await expect(w.t.call('ob:statementRun', { statementDate: TODAY }, w.admin)).rejects.toThrow(
      'No OB statement is due for December 7, 2026: there is no open OB arrangement.',
    );
    expect(await w.t.call('ob:statementRuns', {}, w.admin)).toEqual([]);
  });
});
