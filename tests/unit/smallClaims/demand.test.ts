// Issue 13 item 2: the demand letter before filing. file_after = the later of today + demandDays and
// the day the 501(r) gate opens (ECA-05); in the guarantor's language (LANG-01), any name in any
// script; the FAP notice (ECA-06); recorded with what it said and its hash, reprinting byte for byte.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { recordedDemand } from '../../../src/main/capabilities/smallClaims/demand';
import { courtWorld, COURT_TODAY, GATE_OPENS, type CourtWorld } from './fixtures';
import { openCase, pdfText } from './docSupport';

let w: CourtWorld | undefined;
afterEach(() => w?.t.cleanup());

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('smallClaims:demand', () => {
  it('sends José García Ruiz his letter in Spanish, files after today + 14 days (2026-06-03, later than the gate), and records it', async () => {
    w = await courtWorld();
    const { t, clerk, gid } = w;
    const db = t.app.store.db;
    const caseId = openCase(w, 'G1', ['C1', 'C2']);
    const r = await t.call('smallClaims:demand', { caseId }, clerk);
    const bytes = await t.file(r.file);
    const text = flat(pdfText(bytes));
    expect(text).toContain('Requerimiento de pago antes de una demanda en el tribunal de reclamos menores');
    expect(text).toContain('Estimado(a) José García Ruiz:');
    expect(text).toContain('hay un saldo pendiente de $1,950.00');
    expect(text).toMatch(/C1 José García Ruiz 5 ene 2026 \$1,500\.00/);
    expect(text).toMatch(/C2 José García Ruiz 20 ene 2026 \$450\.00/);
    expect(text).toMatch(/Total \$1,950\.00/);
    // COURT_TODAY 2026-05-20 + 14 = 2026-06-03, after the gate's 2026-06-02.
    expect(text).toContain('presentará una demanda en su contra por $1,950.00');
    expect(text).toContain('después del 3 de junio de 2026');
    // ECA-06: the FAP notice with its phone and web address.
    expect(text).toContain('Ofrecemos asistencia financiera');
    expect(text).toContain('(207) 555-0199');
    expect(text).toContain('https://stbrigid.example.org/financial-assistance');
    expect(text).toContain('Página 1 de 1');

    const row = db.prepare('SELECT * FROM court_demand_letters WHERE case_id = ?').get(caseId) as {
      sent_on: string;
      file_after: string;
      language: string;
      sha256: string;
      document_id: number;
    };
    expect(row).toMatchObject({
      sent_on: COURT_TODAY,
      file_after: '2026-06-03',
      language: 'es',
      document_id: r.documentId,
    });
    expect(row.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(db.prepare('SELECT status, demand_sent_on, file_after FROM court_cases WHERE id = ?').get(caseId)).toEqual({
      status: 'demand_sent',
      demand_sent_on: COURT_TODAY,
      file_after: '2026-06-03',
    });
    const event = db
      .prepare("SELECT on_date, detail FROM court_case_events WHERE case_id = ? AND kind = 'demand'")
      .get(caseId) as {
      on_date: string;
      detail: string;
    };
    expect(event.on_date).toBe(COURT_TODAY);
    expect(JSON.parse(event.detail)).toMatchObject({
      fileAfter: '2026-06-03',
      claimCents: 195_000,
      balanceCents: 195_000,
    });
    const letters = db
      .prepare(
        "SELECT note, occurred_on FROM activities WHERE guarantor_id = ? AND kind = 'letter' AND outcome = 'sent'",
      )
      .all(gid('G1')) as { note: string; occurred_on: string }[];
    expect(letters).toContainEqual({
      note: `Small-claims demand letter (case #${caseId}): the hospital will file after 2026-06-03`,
      occurred_on: COURT_TODAY,
    });
    // It draws again byte for byte from its record.
    const again = await recordedDemand(db, caseId);
    expect(again?.sha256).toBe(row.sha256);
    expect(again?.pages).toHaveLength(1);
  });

  it('names the day the 501(r) gate opens when that is later than today + 14 days', async () => {
    w = await courtWorld();
    const { t, clerk } = w;
    t.clock.setToday('2026-05-10'); // + 14 = 2026-05-24, before the gate's 2026-06-02
    const caseId = openCase(w, 'G1', ['C1']);
    const r = await t.call('smallClaims:demand', { caseId }, clerk);
    expect(flat(pdfText(await t.file(r.file)))).toContain('después del 2 de junio de 2026');
    expect(t.app.store.db.prepare('SELECT file_after FROM court_cases WHERE id = ?').pluck().get(caseId)).toBe(
      GATE_OPENS,
    );
  });

  it('prints 王 小明’s name, in English, and a claim cut to California’s $6,250.00 limit with the excess waived', async () => {
    w = await courtWorld();
    const { t, clerk } = w;
    const caseId = openCase(w, 'G2', ['C3'], { claimCents: 625_000, waiverNote: 'Excess over the limit waived.' });
    const text = flat(pdfText(await t.file((await t.call('smallClaims:demand', { caseId }, clerk)).file)));
    expect(text).toContain('Demand for payment before a small-claims court claim');
    expect(text).toMatch(/王 ?小明/);
    expect(text).toContain('$7,000.00 is unpaid');
    expect(text).toContain('will file a claim against you for $6,250.00');
    expect(text).toContain('will not ask the court for the $750.00 above it');
    expect(text).toContain('after June 3, 2026');
  });

  it('refuses a second letter, and a case whose check fails (New York’s three years from treatment), changing nothing', async () => {
    w = await courtWorld();
    const { t, clerk } = w;
    const db = t.app.store.db;
    const caseId = openCase(w, 'G1', ['C1', 'C2']);
    await t.call('smallClaims:demand', { caseId }, clerk);
    await expect(t.call('smallClaims:demand', { caseId }, clerk)).rejects.toThrow(
      /The demand letter for this case was sent on 2026-05-20/,
    );
    const late = openCase(w, 'G3', ['N1']);
    await expect(t.call('smallClaims:demand', { caseId: late }, clerk)).rejects.toThrow(/statute of limitations/i);
    expect(db.prepare('SELECT status FROM court_cases WHERE id = ?').pluck().get(late)).toBe('open');
    expect(db.prepare('SELECT count(*) FROM court_demand_letters').pluck().get()).toBe(1);
    expect(db.prepare("SELECT count(*) FROM documents WHERE kind = 'court_demand'").pluck().get()).toBe(1);
  });
});
