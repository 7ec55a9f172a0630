// LANG-01: the plan agreement and the lapse letters print in the guarantor's language, with the
// same amounts and dates as in English; a batch of letters gives each guarantor their own language.
import { afterEach, describe, expect, it } from 'vitest';
import { addUserAndLogIn, setUpAndLogIn, testApp, type TestApp } from '../support';
import { pdfPages } from '../pdfText';
import { importSmall } from '../accounts/fixtures';

let t: TestApp;
afterEach(() => t?.cleanup());

const amounts = (text: string) => text.match(/-?\$[\d,]+\.\d\d/g) ?? [];
const flat = async (bytes: Buffer) => (await pdfPages(bytes)).map((p) => p.replace(/\s+/g, ' '));

async function ready(janeLanguage: string) {
  t = testApp({ today: '2026-11-26' });
  const admin = await setUpAndLogIn(t);
  const ids = await importSmall(t);
  const clerk = await addUserAndLogIn(t, admin, 'clerk');
  t.app.store.db.prepare('UPDATE guarantors SET language = ? WHERE id = ?').run(janeLanguage, ids.jane);
  return { clerk, ...ids };
}

const monthly = (guarantorId: number, accountIds: number[], extra: object = {}) => ({
  guarantorId,
  accountIds,
  fapAnswer: 'declined' as const,
  downPaymentCents: 0,
  frequency: 'monthly' as const,
  firstDueDate: '2026-12-15',
  installmentCount: 4,
  ...extra,
});

async function agreement(language: string) {
  const { clerk, jane, a1, a2 } = await ready(language);
  const plan = await t.call('plans:create', monthly(jane, [a1, a2], { downPaymentCents: 8_000 }), clerk);
  const pages = await flat(await t.file(await t.call('plans:agreement', { planId: plan.id }, clerk)));
  t.cleanup();
  return { pages, text: pages.join(' '), id: plan.id };
}

describe('LANG-01: the payment plan agreement', () => {
  it('prints in Spanish for a guarantor recorded as "Spanish", with the English one’s amounts and dates', async () => {
    const en = await agreement('English');
    const es = await agreement('Spanish');
    expect(es.text).toContain('Acuerdo de plan de pagos');
    expect(es.text).toContain(`N.º ${es.id}, del 26 de noviembre de 2026`);
    expect(es.text).toContain(
      'Hoy vence un pago inicial de $80.00. Después, usted hará 4 pagos mensuales de $180.00, del 15 de diciembre de 2026 al 15 de marzo de 2027. Los pagos suman el saldo de $800.00.',
    );
    expect(es.text).toContain('Si no recibimos un pago dentro de los 10 días siguientes a su fecha de vencimiento');
    expect(es.text).toContain('usted tendrá 20 días para poner el plan al día');
    expect(es.text).toMatch(/Pago 4 15 mar 2027 \$180\.00/);
    expect(es.text).toContain('Asistencia financiera');
    expect(es.text).toContain('Responsable del pago');
    expect(es.text).toMatch(/Página 1 de \d/);
    for (const english of ['Payment plan agreement', 'The terms', 'down payment', 'Responsible party', 'Page 1'])
      expect(es.text).not.toContain(english);
    expect(amounts(es.text)).toEqual(amounts(en.text));
    expect(es.pages).toHaveLength(en.pages.length);
  });

  it('an English guarantor’s agreement is worded as before', async () => {
    const en = await agreement('English');
    expect(en.text).toContain('A down payment of $80.00 is due today. Then 4 monthly payments of $180.00');
    expect(en.text).toMatch(/Payment 4 03\/15\/2027 \$180\.00/);
    expect(en.text).not.toMatch(/Acuerdo|Página/);
  });
});

describe('LANG-01: the lapse letters', () => {
  it('one batch: Jane’s letter in Spanish, John’s in English, each with its own amounts', async () => {
    const { clerk, jane, john, a1, a2, a3 } = await ready('Español');
    await t.call('plans:create', monthly(jane, [a1, a2]), clerk); // 4 x $200.00 from Dec 15
    await t.call('plans:create', monthly(john, [a3]), clerk); // 4 x $300.00 from Dec 15
    t.clock.setToday('2026-12-26');
    await t.call('plans:runDaily', {}, clerk);
    const letters = await t.call('letters:lapseBatch', {}, clerk);
    expect(letters.count).toBe(2);
    const pages = await flat(await t.file(letters));
    expect(pages).toHaveLength(2);
    const es = pages.find((p) => p.includes('Jane Smith'))!;
    const en = pages.find((p) => p.includes('Núñez'))!;
    expect(es).toContain('26 de diciembre de 2026');
    expect(es).toContain('Su plan de pagos requiere su atención');
    expect(es).toContain('Estimado(a) Jane Smith:');
    expect(es).toContain('Para conservar su plan, por favor pague $200.00 a más tardar el 15 de enero de 2027.');
    expect(es).toMatch(
      /Vencía el 15 dic 2026 \$200\.00 Monto vencido \$200\.00 Fecha límite de pago 15 de enero de 2027/,
    );
    expect(es).toContain('Ofrecemos asistencia financiera');
    expect(es).toMatch(/Carta sobre su plan de pagos Página \d de 2/);
    expect(es).not.toContain('Dear');
    expect(en).toContain('Your payment plan needs attention');
    expect(en).toContain('please pay $300.00 by January 15, 2027');
    expect(en).toMatch(/Due 12\/15\/2026 \$300\.00 Past due now \$300\.00/);
    expect(en).toMatch(/Payment plan letter Page \d of 2/);
    expect(en).not.toMatch(/Estimado|Página/);
  });
});
