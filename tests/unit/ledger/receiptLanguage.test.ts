// LANG-01: the payment receipt prints in the guarantor's language, with the English one's amounts.
import { afterEach, describe, expect, it } from 'vitest';
import { addUserAndLogIn, setUpAndLogIn, testApp, type TestApp } from '../support';
import { pdfPages } from '../pdfText';
import { importSmall } from '../accounts/fixtures';

let t: TestApp;
afterEach(() => t?.cleanup());

const amounts = (text: string) => text.match(/-?\$[\d,]+\.\d\d/g) ?? [];

async function receipt(language: string): Promise<string> {
  t = testApp({ today: '2026-11-26' });
  const admin = await setUpAndLogIn(t);
  const { jane } = await importSmall(t);
  const clerk = await addUserAndLogIn(t, admin, 'clerk');
  t.app.store.db.prepare('UPDATE guarantors SET language = ? WHERE id = ?').run(language, jane);
  const r = await t.call(
    'payments:post',
    {
      guarantorId: jane,
      method: 'check',
      reference: '1042',
      amountCents: 60_000,
      effectiveDate: '2026-11-26',
      allocations: [],
    },
    clerk,
  );
  const pages = await pdfPages(await t.file(r.receipt!));
  t.cleanup();
  return pages.join(' ').replace(/\s+/g, ' ');
}

describe('LANG-01: the payment receipt', () => {
  it('prints in Spanish for a guarantor recorded as "es-US", with the English one’s amounts', async () => {
    const en = await receipt('English');
    const es = await receipt('es-US');
    expect(es).toContain('Recibo de pago');
    expect(es).toContain('Número de recibo R20261126-0001');
    expect(es).toContain('Fecha de recepción 26 de noviembre de 2026');
    expect(es).toContain('Forma de pago Cheque (1042)');
    expect(es).toMatch(/A1 10 ene 2025 \$500\.00 \$0\.00/);
    expect(es).toMatch(/A2 1 jun 2025 – 3 jun 2025 \$100\.00 \$200\.00/);
    expect(es).toContain('Gracias por su pago.');
    expect(es).toContain('Ofrecemos asistencia financiera');
    expect(es).toContain('Página 1 de 1');
    for (const english of ['Payment receipt', 'Thank you', 'Applied to', 'Page 1']) expect(es).not.toContain(english);
    expect(amounts(es)).toEqual(amounts(en));
  });

  it('an English guarantor’s receipt is worded as before', async () => {
    const en = await receipt('English');
    expect(en).toContain('Payment receipt');
    expect(en).toContain('Check (1042)');
    expect(en).toMatch(/A2 06\/01\/2025 – 06\/03\/2025 \$100\.00 \$200\.00/);
    expect(en).toContain('Received by');
    expect(en).toContain('Page 1 of 1');
    expect(en).not.toMatch(/Recibo|Página/);
  });
});
