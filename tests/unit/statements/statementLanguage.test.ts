// LANG-01: a Spanish-speaking guarantor's statement and final notice print in Spanish, with the
// same amounts and dates as the English ones; an English guarantor's are as they always were.
import { afterEach, describe, expect, it } from 'vitest';
import { statementPdf } from '../../../src/main/capabilities/statements/statementPdf';
import { buildSnapshot, type SnapshotRequest } from '../../../src/main/capabilities/statements/snapshot';
import { statementPolicy } from '../../../src/main/platform/settings';
import { decodeSnapshot, encodeSnapshot } from '../../../src/main/store/snapshotCodec';
import { setUpAndLogIn, testApp, type TestApp } from '../support';
import { pdfPages } from '../pdfText';
import { importSmall } from '../accounts/fixtures';

let t: TestApp;
afterEach(() => t?.cleanup());

const text = async (bytes: Buffer) => (await pdfPages(bytes)).map((p) => p.replace(/\s+/g, ' '));
const amounts = (page: string) => page.match(/-?\$[\d,]+\.\d\d/g) ?? [];

async function jane(language: string) {
  t = testApp({ today: '2026-11-26' });
  const admin = await setUpAndLogIn(t);
  const ids = await importSmall(t);
  await t.call(
    'payments:post',
    {
      guarantorId: ids.jane,
      method: 'check',
      reference: '5521',
      amountCents: 10_000,
      effectiveDate: '2026-11-20',
      allocations: [],
    },
    admin,
  );
  t.app.store.db.prepare('UPDATE guarantors SET language = ? WHERE id = ?').run(language, ids.jane);
  return ids.jane;
}

function request(kind: 'regular' | 'final_notice'): SnapshotRequest {
  return {
    statementDate: '2026-11-26',
    numberInCycle: kind === 'regular' ? 2 : 4,
    kind,
    lastStatementDate: '2026-10-27',
    policy: statementPolicy(t.app.store.db),
  };
}

async function pagesFor(language: string, kind: 'regular' | 'final_notice') {
  const id = await jane(language);
  const snap = buildSnapshot(t.app.store.db, id, request(kind));
  const pages = await text(await statementPdf(snap));
  t.cleanup();
  return { snap, pages };
}

describe('LANG-01: the statement in the guarantor’s language', () => {
  it('a guarantor recorded as "Español" gets a Spanish statement with the English one’s amounts', async () => {
    const en = await pagesFor('English', 'regular');
    const es = await pagesFor('Español', 'regular');
    expect(en.snap.language).toBeUndefined();
    expect(es.snap.language).toBe('es');
    expect(es.pages).toHaveLength(en.pages.length);
    const p = es.pages[0]!;
    expect(p).toContain('Estado de cuenta');
    expect(p).toContain('Fecha de emisión 26 nov 2026');
    expect(p).toContain('Estado de cuenta 2 de 4');
    expect(p).toMatch(/A1 Jane Smith Consulta ambulatoria, 10 ene 2025 \$500\.00 \$0\.00 \$0\.00 \$100\.00 \$400\.00/);
    expect(p).toMatch(
      /A2 Jane Smith Hospitalización, 1 jun 2025–3 jun 2025 \$1,000\.00 \$700\.00 \$0\.00 \$0\.00 \$300\.00/,
    );
    expect(p).toMatch(/20 nov 2026 A1 Pago del paciente -\$100\.00/);
    expect(p).toContain('Saldo anterior: $800.00; saldo actual: $700.00.');
    expect(p).toContain('Ofrecemos asistencia financiera');
    expect(p).toContain('Por favor, desprenda esta parte y envíela con su pago.');
    expect(p).toMatch(/Monto adeudado \$700\.00 Fecha límite de pago 17 dic 2026/);
    expect(p).toContain('De lunes a viernes, de 8:00 a. m. a 4:30 p. m.');
    expect(p).toContain('estado de cuenta del 26 nov 2026 · página 1 de 1');
    // No English left in what the statement says to the patient.
    for (const english of [
      'Statement date',
      'Amount due',
      'Your accounts',
      'Financial assistance is available',
      'Please detach',
      'Monday',
    ])
      expect(p).not.toContain(english);
    // The same money, in the same order.
    expect(amounts(p)).toEqual(amounts(en.pages[0]!));
  });

  it('the final notice and the plain-language summary print in Spanish, with the deadline as a Spanish date', async () => {
    const en = await pagesFor('English', 'final_notice');
    const es = await pagesFor('spa', 'final_notice');
    expect(es.pages).toHaveLength(2);
    expect(es.pages[0]).toContain('AVISO FINAL');
    expect(es.pages[0]).toContain(
      'Si para el 26 de diciembre de 2026 usted no ha pagado el saldo ni ha solicitado asistencia financiera, a partir de esa fecha podremos: reportar la deuda a una agencia de crédito; presentar una demanda (incluso ante un tribunal de reclamos menores).',
    );
    expect(es.pages[1]).toContain('Asistencia financiera: resumen en lenguaje sencillo');
    expect(es.pages[1]).toContain('usted podría recibir atención gratuita o con descuento');
    expect(es.pages[1]).not.toContain('you may receive');
    expect(amounts(es.pages[0]!)).toEqual(amounts(en.pages[0]!));
  });

  it('an English guarantor’s final notice is worded as before', async () => {
    const en = await pagesFor('English', 'final_notice');
    expect(en.pages[0]).toContain('FINAL NOTICE');
    expect(en.pages[0]).toMatch(/If by December 26, 2026 you have not paid the balance/);
    expect(en.pages[1]).toContain('Financial assistance: a plain-language summary');
    expect(en.pages.join(' ')).not.toMatch(/Estado de cuenta|asistencia/);
  });

  it('a Spanish statement reprints from what was recorded, in Spanish, byte for byte, whatever the guarantor’s language is now', async () => {
    const id = await jane('Español');
    const snap = buildSnapshot(t.app.store.db, id, request('regular'));
    const first = await statementPdf(snap);
    const stored = encodeSnapshot(snap);
    t.app.store.db.prepare('UPDATE guarantors SET language = ? WHERE id = ?').run('English', id);
    const again = await statementPdf(decodeSnapshot(stored));
    expect(again.equals(first)).toBe(true);
    expect((await text(again))[0]).toContain('Fecha de emisión 26 nov 2026');
    // A new statement made now follows the guarantor's language as it is now.
    expect(buildSnapshot(t.app.store.db, id, request('regular')).language).toBeUndefined();
  });
});
