// PP-04 (the clerk's walk-through of the OB documents): the EMTALA sentence on PAGE 1 of each copy
// of the agreement and of every OB statement (a patient reading only page 1 sees it), read back
// with `pdftotext -f N -l N`; a statement says past due apart from the next payment, whose date is
// never already passed (obAmountDue's next payment); the true-up letter names the obstetrics contact
// as the agreement and statements do; a Spanish print has a file name of its own (LANG-01).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { obEmtalaSentence } from '../../../src/shared/wording/obTexts';
import { tempDir } from '../support';
import { OB_SETTINGS } from './casesWorld';
import { closeCase, deposit, obWorld, openCase, pdfPages, pdfText, sign, type ObWorld } from './obDocumentsSupport';

let w: ObWorld;
afterEach(() => w?.t.cleanup());

/** One page as `pdftotext -f n -l n` reads it, whitespace made single spaces. */
function pageText(bytes: Buffer, n: number): string {
  const file = path.join(tempDir('recoup-ob-p1-'), 'doc.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-raw', '-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    ' ',
  );
}

/** The page numbers (from 1) whose footer says "page 1 of" (each copy's, each statement's first page). */
function firstPages(bytes: Buffer): number[] {
  return pdfPages(bytes)
    .map((p, i) => (/\b(page|página) 1 (of|de) \d/i.test(p) ? i + 1 : 0))
    .filter((n) => n > 0);
}

async function print(
  channel: 'ob:agreement' | 'ob:statement' | 'ob:trueUpLetter',
  caseId: number,
  language?: 'en' | 'es',
) {
  const handle = await w.t.call(channel, { caseId, ...(language ? { language } : {}) }, w.admin);
  return w.t.file(handle);
}

describe('PP-04: the EMTALA sentence on page 1', () => {
  it.each(['en', 'es'] as const)(
    'the agreement (%s): on the first page of the hospital copy and of the patient copy',
    async (lang) => {
      w = await obWorld();
      const caseId = openCase(w, { fapScreening: 'will_apply' });
      deposit(w, caseId, 30_000);
      const bytes = await print('ob:agreement', caseId, lang);
      expect(pageText(bytes, 1)).toContain(obEmtalaSentence(lang));
      const firsts = firstPages(bytes);
      expect(firsts).toHaveLength(2);
      expect(firsts[0]).toBe(1);
      for (const n of firsts) expect(pageText(bytes, n)).toContain(obEmtalaSentence(lang));
    },
  );

  it('the statement run: on the first page of each statement, in its language', async () => {
    w = await obWorld();
    const rosa = openCase(w, { guarantor: 'P1' });
    sign(w, rosa);
    deposit(w, rosa, 30_000);
    const maria = openCase(w, { guarantor: 'P2', language: 'es' });
    sign(w, maria);
    w.t.clock.setToday('2027-02-10');
    const bytes = await w.t.file(await w.t.call('ob:statementRun', { statementDate: '2027-02-10' }, w.admin));
    const firsts = firstPages(bytes);
    expect(firsts).toHaveLength(2);
    const [en, es] = firsts.map((n) => pageText(bytes, n));
    expect(en).toContain('Rosa Delgado');
    expect(en).toContain(obEmtalaSentence('en'));
    expect(es).toContain('María José Ibáñez');
    expect(es).toContain(obEmtalaSentence('es'));
    // One statement on its own too: page 1.
    expect(pageText(await print('ob:statement', rosa), 1)).toContain(obEmtalaSentence('en'));
  });
});

describe('PP-04: a statement says past due apart from the next payment', () => {
  // $1,062.50 paid on 2027-02-10: payment 1 ($762.50) paid, $300.00 of payment 2 (due 2027-02-05):
  // $462.50 past due since February 5; the next payment is payment 3, $762.50 due March 5, 2027.
  it('English: past due with its date; the next payment is the first due on or after the statement date', async () => {
    w = await obWorld();
    const caseId = openCase(w);
    sign(w, caseId);
    deposit(w, caseId, 30_000);
    deposit(w, caseId, 76_250, '2026-12-20');
    w.t.clock.setToday('2027-02-10');
    const bytes = await print('ob:statement', caseId);
    const one = pageText(bytes, 1);
    expect(one).toContain('Your next payment $762.50, due March 5, 2027');
    expect(one).toContain('Past due $462.50 (due February 5, 2027)');
    expect(one).not.toContain('$462.50, due February 5, 2027');
    // The header's amount due: past due + the next payment (obAmountDue), due March 5.
    expect(one).toContain('$1,225.00');
  });

  it('Spanish: the same in Spanish; nothing left to come but a past due says no further payment', async () => {
    w = await obWorld();
    const caseId = openCase(w, { language: 'es' });
    sign(w, caseId);
    w.t.clock.setToday('2027-02-10');
    const one = pageText(await print('ob:statement', caseId), 1);
    expect(one).toContain('Su próximo pago $762.50, vence el 5 de marzo de 2027');
    expect(one).toContain('Vencido $1,525.00 (venció el 5 de enero de 2027)');
    // After the last payment's date (April 5) with nothing paid: everything past due, no next payment.
    w.t.clock.setToday('2027-04-12');
    const late = pageText(await print('ob:statement', caseId), 1);
    expect(late).toContain('No vence ningún otro pago antes del parto.');
    expect(late).toContain('Vencido $3,050.00 (venció el 5 de enero de 2027)');
  });
});

describe('the true-up letter names the obstetrics contact', () => {
  it('the contact set in Settings → Obstetrics, as on the agreement; else the hospital’s phone', async () => {
    w = await obWorld();
    const caseId = openCase(w);
    sign(w, caseId);
    closeCase(w, caseId, 280_000, 305_000);
    const before = pdfText(await print('ob:trueUpLetter', caseId));
    expect(before).toContain('Questions about these payments: (207) 555-');
    const contact = 'Maternity financial counselor, (207) 555-0188, Mon–Fri 8–4';
    await w.t.call('settings:update', { obstetrics: { ...OB_SETTINGS, obContact: contact } }, w.admin);
    const letter = pdfText(await print('ob:trueUpLetter', caseId));
    expect(letter).toContain(`Questions about these payments: ${contact}.`);
    expect(letter).not.toContain('Questions: call');
    expect(pdfText(await print('ob:trueUpLetter', caseId, 'es'))).toContain(`Preguntas sobre estos pagos: ${contact}.`);
  });
});

describe('LANG-01: an English and a Spanish print are told apart', () => {
  it('the agreement printed in English then Spanish: two file names, the Spanish title says so', async () => {
    w = await obWorld();
    const caseId = openCase(w);
    await print('ob:agreement', caseId, 'en');
    await print('ob:agreement', caseId, 'es');
    const docs = w.t.app.store.db
      .prepare("SELECT title, file_name FROM documents WHERE kind = 'ob_agreement' ORDER BY id")
      .all() as { title: string; file_name: string }[];
    expect(docs.map((d) => d.file_name)).toEqual([
      `ob-agreement-OB-${caseId}-v1-2026-12-07.pdf`,
      `ob-agreement-OB-${caseId}-v1-2026-12-07-es.pdf`,
    ]);
    expect(docs[0]!.title).not.toContain('Spanish');
    expect(docs[1]!.title).toContain('(Spanish)');
  });
});
