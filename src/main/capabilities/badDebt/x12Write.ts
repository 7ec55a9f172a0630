// Writing an X12 835 from a few figures, with correct envelopes (SE, GE and IEA counts): for the
// benchmark's 20,000-claim file and the tests' generated files. Recoup itself never sends 835s.
import type { CasGroup } from './x12';

export type CasTriplet = [group: CasGroup, reason: string, cents: number];

export interface Write835Claim {
  patientControl: string;
  /** CLP02: 1 primary, 2 secondary, 22 reversal … */
  status?: string;
  chargeCents: number;
  paidCents: number;
  patientRespCents?: number;
  /** CLP06: MA/MB Medicare, MC Medicaid, 12 and others. */
  filing?: string;
  payerClaimNumber: string;
  last?: string;
  first?: string;
  cas?: CasTriplet[];
  lines?: { procedure: string; chargeCents: number; paidCents: number; date?: string; cas?: CasTriplet[] }[];
}

export interface Write835Transaction {
  payerName: string;
  payerId?: string;
  /** YYYY-MM-DD: DTM*405 and BPR16. */
  date: string;
  claims: Write835Claim[];
  plb?: { providerId: string; date: string; reason: string; cents: number }[];
}

const amount = (cents: number): string => {
  const a = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
};
const ccyymmdd = (iso: string): string => iso.replace(/-/g, '');

/** The CAS segments for triplets of one group level: up to 6 triplets a segment, one group each. */
function casSegments(triplets: CasTriplet[]): string[][] {
  const out: string[][] = [];
  const byGroup = new Map<string, CasTriplet[]>();
  for (const t of triplets) byGroup.set(t[0], [...(byGroup.get(t[0]) ?? []), t]);
  for (const [group, list] of byGroup)
    for (let i = 0; i < list.length; i += 6)
      out.push(['CAS', group, ...list.slice(i, i + 6).flatMap(([, reason, cents]) => [reason, amount(cents), ''])]);
  return out.map((s) => {
    while (s[s.length - 1] === '') s.pop();
    return s;
  });
}

export function write835(
  transactions: Write835Transaction[],
  o: { control?: string; element?: string; segment?: string; gap?: string; component?: string } = {},
): string {
  const el = o.element ?? '*';
  const seg = o.segment ?? '~';
  const gap = o.gap ?? '\n';
  const comp = o.component ?? ':';
  const control = (o.control ?? '1').padStart(9, '0');
  const segments: string[][] = [];
  const date0 = transactions[0]?.date ?? '2026-01-01';
  segments.push([
    'ISA',
    '00',
    ''.padEnd(10),
    '00',
    ''.padEnd(10),
    'ZZ',
    'PAYER'.padEnd(15),
    'ZZ',
    'HOSPITAL'.padEnd(15),
    ccyymmdd(date0).slice(2),
    '1200',
    '{',
    '00501',
    control,
    '0',
    'P',
    comp,
  ]);
  segments.push(['GS', 'HP', 'PAYER', 'HOSPITAL', ccyymmdd(date0), '1200', '1', 'X', '005010X221A1']);
  transactions.forEach((t, ti) => {
    const st = String(ti + 1).padStart(4, '0');
    const body: string[][] = [];
    const total = t.claims.reduce((s, c) => s + c.paidCents, 0) + (t.plb ?? []).reduce((s, p) => s - p.cents, 0);
    body.push(['BPR', 'I', amount(total), 'C', 'CHK', '', '', '', '', '', '', '', '', '', '', '', ccyymmdd(t.date)]);
    body.push(['TRN', '1', `T${control}${st}`, '1999999999']);
    body.push(['DTM', '405', ccyymmdd(t.date)]);
    body.push(['N1', 'PR', t.payerName]);
    if (t.payerId) body.push(['REF', '2U', t.payerId]);
    body.push(['N1', 'PE', 'RECOUP TEST HOSPITAL', 'XX', '1234567893']);
    body.push(['LX', '1']);
    for (const c of t.claims) {
      body.push([
        'CLP',
        c.patientControl,
        c.status ?? '1',
        amount(c.chargeCents),
        amount(c.paidCents),
        amount(c.patientRespCents ?? 0),
        c.filing ?? '12',
        c.payerClaimNumber,
      ]);
      body.push(...casSegments(c.cas ?? []));
      body.push(['NM1', 'QC', '1', c.last ?? 'DOE', c.first ?? 'JANE', '', '', '', 'MI', `M${c.patientControl}`]);
      for (const l of c.lines ?? []) {
        body.push(['SVC', l.procedure.split(':').join(comp), amount(l.chargeCents), amount(l.paidCents)]);
        if (l.date) body.push(['DTM', '472', ccyymmdd(l.date)]);
        body.push(...casSegments(l.cas ?? []));
      }
    }
    for (const p of t.plb ?? []) body.push(['PLB', p.providerId, ccyymmdd(p.date), p.reason, amount(p.cents)]);
    segments.push(['ST', '835', st], ...body, ['SE', String(body.length + 2), st]);
  });
  segments.push(['GE', String(transactions.length), '1'], ['IEA', '1', control]);
  return segments.map((s) => s.join(el) + seg + gap).join('');
}
