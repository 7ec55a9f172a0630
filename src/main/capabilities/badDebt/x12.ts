// Reading an X12 835 (health care claim payment/advice) into a typed model. node-x12
// splits the text by the separators the ISA declares (any element, component and segment
// separators; CRLF, LF or no line break between segments) and groups it into interchange,
// functional groups and transactions; this file reads each transaction's loops: the payment (BPR),
// trace (TRN), production date (DTM*405), payer and payee (N1), each claim (CLP with its patient,
// dates and CAS, its service lines SVC with theirs) and provider-level adjustments (PLB).
//
// Nothing here posts. Every problem found is collected with the 1-based number of its segment in
// file order; the caller posts nothing while any stands. node-x12 runs lenient (its strict mode
// stops at the first envelope error without saying where) and leaves out segments that are in no
// transaction: those are found by their missing segment numbers and named.
import { X12Parser, type X12Interchange, type X12Segment } from 'node-x12';

export type CasGroup = 'PR' | 'CO' | 'OA' | 'PI' | 'CR';
const CAS_GROUPS: readonly string[] = ['PR', 'CO', 'OA', 'PI', 'CR'];

export interface X12Adjustment {
  group: CasGroup;
  reason: string;
  amountCents: number;
  quantity: string;
}

export interface X12ServiceLine {
  /** 1-based within the claim. */
  lineNo: number;
  procedure: string;
  chargeCents: number;
  paidCents: number;
  serviceDate: string | null;
  adjustments: X12Adjustment[];
}

export interface X12Claim {
  /** 1-based within the transaction. */
  seq: number;
  segment: number;
  patientControl: string;
  statusCode: string;
  chargeCents: number;
  paidCents: number;
  patientRespCents: number;
  filingIndicator: string;
  payerClaimNumber: string;
  patientLast: string;
  patientFirst: string;
  memberId: string;
  statementFrom: string | null;
  statementTo: string | null;
  /** Claim level (loop 2100). */
  adjustments: X12Adjustment[];
  lines: X12ServiceLine[];
}

export interface X12ProviderAdjustment {
  providerId: string;
  fiscalDate: string;
  reasonCode: string;
  reference: string;
  amountCents: number;
}

export interface X12Transaction {
  controlNumber: string;
  segment: number;
  handling: string;
  paymentCents: number;
  paymentMethod: string;
  paidOn: string | null;
  traceNumber: string;
  productionDate: string | null;
  payerName: string;
  payerId: string;
  payeeName: string;
  payeeId: string;
  claims: X12Claim[];
  providerAdjustments: X12ProviderAdjustment[];
}

export interface X12Interchange835 {
  control: string;
  senderId: string;
  receiverId: string;
  date: string;
}

export interface X12Problem {
  segment: number;
  message: string;
}

export interface Remittance835 {
  interchange: X12Interchange835 | null;
  transactions: X12Transaction[];
  problems: X12Problem[];
}

/** Money text ("450.00", "-9", ".5") to integer cents, from the decimal string (no floating point). */
export function centsOf(text: string): number | null {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const frac = m[3] ?? '';
  if (frac.length > 2 && !/^0*$/.test(frac.slice(2))) return null;
  const whole = m[2] === '' ? 0 : Number(m[2]);
  const cents = whole * 100 + Number((frac + '00').slice(0, 2));
  if (!Number.isSafeInteger(cents)) return null;
  return m[1] === '-' ? -cents : cents;
}

/** CCYYMMDD to YYYY-MM-DD, or null when it is not a real date. */
export function dateOf(text: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}

interface Seg {
  tag: string;
  /** Elements after the tag: e[0] is element 01. */
  e: string[];
  /** 1-based, in file order. */
  n: number;
}

/**
 * Numbers node-x12's segments in file order: the text split by the declared segment terminator
 * gives every segment; node-x12 yields them in the same order but leaves out those in no
 * transaction, which are skipped here and left unnumbered (their numbers are never `seen`).
 */
class SegmentNumbers {
  private at = 0;
  constructor(
    private readonly raw: readonly string[],
    private readonly elementSep: string,
  ) {}

  of(s: X12Segment): Seg {
    const e = s.elements.map((x) => x.value ?? '');
    const key = [s.tag, ...e].map((v) => v.trim()).join('\u0000');
    // Segments left out are few and together; a segment not found near is taken as the next one.
    for (let i = this.at; i < Math.min(this.raw.length, this.at + 1000); i++) {
      const fields = this.raw[i]!.split(this.elementSep).map((v) => v.trim());
      while (fields.length > 1 && fields[fields.length - 1] === '' && fields.length > e.length + 1) fields.pop();
      if (fields.join('\u0000') === key || (fields[0] === s.tag && i === this.at)) {
        this.at = i + 1;
        return { tag: s.tag, e, n: i + 1 };
      }
    }
    this.at++;
    return { tag: s.tag, e, n: this.at };
  }
}

/** The ISA as written (fixed width: the 4th character is the element separator, the 106th ends it). */
function readIsa(text: string): { fields: string[]; segmentEnd: string; component: string } | null {
  if (!text.startsWith('ISA') || text.length < 106) return null;
  const sep = text[3]!;
  const fields = text.slice(0, 106).split(sep);
  if (fields.length < 17) return null;
  return { fields, segmentEnd: text[105]!, component: fields[16]!.charAt(0) };
}

/** Reads an 835 into its model; problems name their segment. */
export function read835(textIn: string): Remittance835 {
  const text = textIn.replace(/^\uFEFF/, '').trimStart();
  const problems: X12Problem[] = [];
  const problem = (segment: number, message: string): void => void problems.push({ segment, message });
  const isa = readIsa(text);
  if (!isa) {
    problem(1, 'The file does not begin with an ISA segment (an X12 interchange header): is it an 835?');
    return { interchange: null, transactions: [], problems };
  }
  let parsed: X12Interchange;
  try {
    parsed = new X12Parser(false).parse(text) as X12Interchange;
  } catch (e) {
    problem(1, `The file cannot be read as X12: ${e instanceof Error ? e.message : String(e)}`);
    return { interchange: null, transactions: [], problems };
  }
  const f = isa.fields;
  const isaDate = /^\d{6}$/.test(f[9]!.trim()) ? dateOf(`20${f[9]!.trim()}`) : null;
  const gsDate = parsed.functionalGroups[0] ? dateOf(parsed.functionalGroups[0].header.valueOf(4) ?? '') : null;
  const interchange: X12Interchange835 = {
    control: f[13]!.trim(),
    senderId: f[6]!.trim(),
    receiverId: f[8]!.trim(),
    date: gsDate ?? isaDate ?? '',
  };
  if (interchange.date === '') problem(1, `ISA09 "${f[9]!.trim()}" is not a date (YYMMDD).`);

  const raw = text
    .split(isa.segmentEnd)
    .map((x) => x.trim())
    .filter((x) => x !== '');
  // One interchange (ISA..IEA) per file: a second one is named, not read as stray segments.
  const isas = raw.flatMap((r, i) => (r.startsWith('ISA') ? [i + 1] : []));
  if (isas.length > 1) {
    problem(
      isas[1]!,
      `The file holds ${isas.length} interchanges (ISA … IEA), one after another: import each as its own file. Nothing was read from it.`,
    );
    return { interchange, transactions: [], problems };
  }
  const numbers = new SegmentNumbers(raw, text[3]!);
  numbers.of(parsed.header);
  const segOf = (x: X12Segment): Seg => numbers.of(x);
  const seen = new Set<number>([1]);
  const transactions: X12Transaction[] = [];
  for (const group of parsed.functionalGroups) {
    const gs = segOf(group.header);
    seen.add(gs.n);
    if (gs.e[0] !== 'HP') problem(gs.n, `GS01 is "${gs.e[0]}": an 835 group is HP (health care claim payment).`);
    for (const t of group.transactions) {
      const st = segOf(t.header);
      const segs = t.segments.map(segOf);
      const se = segOf(t.trailer);
      seen.add(st.n);
      seen.add(se.n);
      for (const s of segs) seen.add(s.n);
      if (st.e[0] !== '835') problem(st.n, `ST01 is "${st.e[0]}": this reads 835 transactions only.`);
      if (Number(se.e[0]) !== segs.length + 2)
        problem(se.n, `SE01 says ${se.e[0]} segments; the transaction has ${segs.length + 2}.`);
      if (se.e[1] !== st.e[1]) problem(se.n, `SE02 "${se.e[1]}" does not match ST02 "${st.e[1]}".`);
      transactions.push(readTransaction(st, segs, isa.component, problem));
    }
    const ge = segOf(group.trailer);
    seen.add(ge.n);
    if (Number(ge.e[0]) !== group.transactions.length)
      problem(ge.n, `GE01 says ${ge.e[0]} transactions; the group has ${group.transactions.length}.`);
  }
  const iea = parsed.trailer ? segOf(parsed.trailer) : null;
  if (!iea) problem(1, 'The interchange has no IEA trailer.');
  else {
    seen.add(iea.n);
    if (Number(iea.e[0]) !== parsed.functionalGroups.length)
      problem(iea.n, `IEA01 says ${iea.e[0]} groups; the interchange has ${parsed.functionalGroups.length}.`);
  }
  // Segments node-x12 put in no transaction (a CLP after SE, anything after IEA).
  raw.forEach((x, i) => {
    if (!seen.has(i + 1))
      problem(i + 1, `${x.split(text[3]!)[0]} is outside a transaction (ST..SE): it cannot be read.`);
  });
  if (transactions.length === 0 && problems.length === 0) problem(1, 'The file holds no 835 transaction.');
  problems.sort((a, b) => a.segment - b.segment);
  return { interchange, transactions, problems };
}

function readTransaction(
  st: Seg,
  segs: Seg[],
  component: string,
  problem: (segment: number, message: string) => void,
): X12Transaction {
  const t: X12Transaction = {
    controlNumber: st.e[1] ?? '',
    segment: st.n,
    handling: '',
    paymentCents: 0,
    paymentMethod: '',
    paidOn: null,
    traceNumber: '',
    productionDate: null,
    payerName: '',
    payerId: '',
    payeeName: '',
    payeeId: '',
    claims: [],
    providerAdjustments: [],
  };
  const money = (s: Seg, i: number, name: string, optional = false): number => {
    const v = s.e[i] ?? '';
    if (v === '' && optional) return 0;
    const c = centsOf(v);
    if (c === null) {
      problem(s.n, `${name} (${s.tag}${String(i + 1).padStart(2, '0')}) "${v}" is not an amount.`);
      return 0;
    }
    return c;
  };
  const date = (s: Seg, i: number, name: string): string | null => {
    const v = s.e[i] ?? '';
    const d = dateOf(v);
    if (d === null)
      problem(s.n, `${name} (${s.tag}${String(i + 1).padStart(2, '0')}) "${v}" is not a date (CCYYMMDD).`);
    return d;
  };
  let sawBpr = false;
  let bprDate = { n: st.n, text: '' };
  let n1: string | null = null;
  let claim: X12Claim | null = null;
  let line: X12ServiceLine | null = null;
  for (const s of segs) {
    switch (s.tag) {
      case 'BPR':
        sawBpr = true;
        t.handling = s.e[0] ?? '';
        t.paymentCents = money(s, 1, 'The payment amount');
        t.paymentMethod = s.e[3] ?? '';
        // BPR16 is read leniently (a real payer's file carries "20002316"): a DTM*405 stands for it.
        t.paidOn = dateOf(s.e[15] ?? '');
        bprDate = { n: s.n, text: s.e[15] ?? '' };
        break;
      case 'TRN':
        if (t.traceNumber === '') t.traceNumber = s.e[1] ?? '';
        break;
      case 'DTM': {
        const q = s.e[0];
        if (line) {
          if (q === '472' || q === '150') line.serviceDate ??= date(s, 1, 'The service date');
        } else if (claim) {
          if (q === '232') claim.statementFrom = date(s, 1, 'The claim statement start');
          else if (q === '233') claim.statementTo = date(s, 1, 'The claim statement end');
        } else if (q === '405') t.productionDate = date(s, 1, 'The production date');
        break;
      }
      case 'N1':
        n1 = s.e[0] ?? null;
        if (!claim && n1 === 'PR') {
          t.payerName = s.e[1] ?? '';
          t.payerId = s.e[3] ?? '';
        } else if (!claim && n1 === 'PE') {
          t.payeeName = s.e[1] ?? '';
          t.payeeId = s.e[3] ?? '';
        }
        break;
      case 'REF':
        if (!claim && n1 === 'PR' && s.e[0] === '2U' && t.payerId === '') t.payerId = s.e[1] ?? '';
        break;
      case 'CLP': {
        n1 = null;
        line = null;
        const id = (s.e[0] ?? '').trim();
        if (id === '') problem(s.n, 'The claim has no patient control number (CLP01).');
        claim = {
          seq: t.claims.length + 1,
          segment: s.n,
          patientControl: id,
          statusCode: s.e[1] ?? '',
          chargeCents: money(s, 2, 'The claim charge'),
          paidCents: money(s, 3, 'The claim payment'),
          patientRespCents: money(s, 4, 'The patient responsibility', true),
          filingIndicator: s.e[5] ?? '',
          payerClaimNumber: s.e[6] ?? '',
          patientLast: '',
          patientFirst: '',
          memberId: '',
          statementFrom: null,
          statementTo: null,
          adjustments: [],
          lines: [],
        };
        t.claims.push(claim);
        break;
      }
      case 'NM1':
        if (claim && !line && s.e[0] === 'QC') {
          claim.patientLast = s.e[2] ?? '';
          claim.patientFirst = s.e[3] ?? '';
          claim.memberId = s.e[8] ?? '';
        }
        break;
      case 'SVC':
        if (!claim) {
          problem(s.n, 'A service line (SVC) comes before any claim (CLP).');
          break;
        }
        line = {
          lineNo: claim.lines.length + 1,
          procedure: (s.e[0] ?? '').split(component).join(':'),
          chargeCents: money(s, 1, 'The line charge'),
          paidCents: money(s, 2, 'The line payment'),
          serviceDate: null,
          adjustments: [],
        };
        claim.lines.push(line);
        break;
      case 'CAS': {
        if (!claim) {
          problem(s.n, 'An adjustment (CAS) comes before any claim (CLP).');
          break;
        }
        const group = s.e[0] ?? '';
        if (!CAS_GROUPS.includes(group)) {
          problem(s.n, `CAS01 "${group}" is not an adjustment group (PR, CO, OA, PI or CR).`);
          break;
        }
        const into = line ? line.adjustments : claim.adjustments;
        for (let k = 0; k < 6; k++) {
          const reason = (s.e[1 + 3 * k] ?? '').trim();
          if (reason === '') continue;
          into.push({
            group: group as CasGroup,
            reason,
            amountCents: money(s, 2 + 3 * k, `Adjustment ${group}-${reason}'s amount`),
            quantity: s.e[3 + 3 * k] ?? '',
          });
        }
        break;
      }
      case 'PLB': {
        claim = null;
        line = null;
        const fiscalDate = date(s, 1, 'The provider adjustment date') ?? '';
        for (let k = 2; k < s.e.length; k += 2) {
          const id = s.e[k] ?? '';
          if (id === '') continue;
          const [reasonCode, ...ref] = id.split(component);
          t.providerAdjustments.push({
            providerId: s.e[0] ?? '',
            fiscalDate,
            reasonCode: reasonCode ?? '',
            reference: ref.join(':'),
            amountCents: money(s, k + 1, `The provider adjustment ${reasonCode}'s amount`),
          });
        }
        break;
      }
      default:
        break;
    }
  }
  if (!sawBpr) problem(st.n, `Transaction ${t.controlNumber} has no BPR (the payment) segment.`);
  if (t.payerName === '') problem(st.n, `Transaction ${t.controlNumber} names no payer (N1*PR).`);
  if ((t.productionDate ?? t.paidOn) === null)
    problem(
      bprDate.n,
      bprDate.text === ''
        ? `Transaction ${t.controlNumber} has neither a production date (DTM*405) nor a payment date (BPR16).`
        : `The payment date (BPR16) "${bprDate.text}" is not a date (CCYYMMDD), and there is no production date (DTM*405).`,
    );
  return t;
}
