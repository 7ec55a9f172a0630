// Synthetic patients for demos, tests and the benchmark: deterministic from a seed, at any scale,
// written as the same CSV extract the hospital's billing system produces (docs/import-format.md),
// so it goes through the real import. Distributions: payer mix, service types, charges by service,
// insurance and contractual adjustments, Medicare deductible and coinsurance, patient payments,
// ages of debt up to three years, a few deceased guarantors and hospital employees, obstetric
// accounts. Every account's balance is never below zero.
//
// The rows are made one guarantor at a time (`syntheticGuarantors`), so a data set of any size is
// written to files in chunks (`writeExtract`, the benchmark's million guarantors) without ever being
// whole in memory; `generateExtract` (the demo, tests) builds the same rows into strings.
import { closeSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { addDays } from '../../shared/dates';
import { formatDecimal } from '../../shared/money';
import { EMPLOYERS, FIRST_NAMES_F, FIRST_NAMES_M, LAST_NAMES, STREETS, STREET_SUFFIXES, TOWNS } from './names';
import { Random } from './random';
import { autoMapping, type ImportFile } from '../capabilities/imports';

export interface SyntheticOptions {
  seed: number;
  guarantors: number;
  /** The business date the data is as of; service dates fall in the three years before it. */
  today: string;
  /**
   * Put before every guarantor id, MRN, account number and transaction id, so that two data sets
   * never share an id: the demo data uses "D", which keeps it apart from the shipped sample
   * extract (resources/samples) a trainer imports next.
   */
  idPrefix?: string;
}

export interface SyntheticExtract {
  guarantorsCsv: string;
  accountsCsv: string;
  transactionsCsv: string;
  counts: { guarantors: number; accounts: number; transactions: number };
}

type Cell = string | number;

/** One guarantor's rows of the three files. */
export interface SyntheticGuarantor {
  guarantor: Cell[];
  accounts: Cell[][];
  transactions: Cell[][];
}

export const GUARANTOR_HEADER = [
  'guarantor_id',
  'mrn',
  'last_name',
  'first_name',
  'middle_name',
  'date_of_birth',
  'address_line1',
  'address_line2',
  'city',
  'state',
  'zip',
  'phone',
  'email',
  'language',
  'employer',
  'is_employee',
  'employee_id',
  'pay_frequency',
  'hourly_rate',
  'annual_salary',
  'deceased',
  'date_of_death',
  'death_source',
  'fap_status',
  'fap_status_date',
  'bankruptcy',
  'do_not_call',
  'do_not_mail',
  'do_not_email',
];
export const ACCOUNT_HEADER = [
  'account_number',
  'guarantor_id',
  'patient_name',
  'service_from',
  'service_to',
  'service_type',
  'payer_class',
  'state_of_service',
  'mbi',
  'medicare_ra_date',
  'medicaid_number',
  'medicaid_ra_date',
  'secondary_ra_date',
  'deductible',
  'coinsurance',
  'last_illness',
  'first_statement_date',
];
export const TRANSACTION_HEADER = [
  'transaction_id',
  'account_number',
  'transaction_type',
  'amount',
  'effective_date',
  'reference',
  'memo',
];

const MBI_LETTERS = 'ACDEFGHJKMNPQRTUVWXY';
const CHARGE_LINES: Record<string, string[]> = {
  inpatient: [
    'Room and board',
    'Pharmacy',
    'Laboratory',
    'Radiology',
    'Operating room',
    'Anesthesia',
    'Medical supplies',
    'Respiratory therapy',
    'Physical therapy',
    'Blood bank',
    'ICU',
  ],
  outpatient: [
    'Clinic visit',
    'Laboratory',
    'Radiology',
    'Pharmacy',
    'Physical therapy',
    'Medical supplies',
    'Ultrasound',
    'Infusion',
    'Pathology',
  ],
  emergency: [
    'Emergency room level 4',
    'Laboratory',
    'CT scan',
    'Pharmacy',
    'Medical supplies',
    'EKG',
    'X-ray',
    'Urinalysis',
    'IV therapy',
  ],
  obstetric: [
    'Labor and delivery',
    'Room and board',
    'Nursery',
    'Pharmacy',
    'Anesthesia',
    'Laboratory',
    'Ultrasound',
    'Medical supplies',
    'Circumcision',
  ],
};

/** CSV lines, each ended by CRLF (quoted only where a cell needs it). */
function csvLines(rows: Cell[][]): string {
  return rows.length === 0 ? '' : `${Papa.unparse(rows, { newline: '\r\n' })}\r\n`;
}

function dollars(cents: number): string {
  return formatDecimal(cents);
}

function mbi(r: Random): string {
  const L = () => r.pick(MBI_LETTERS.split(''));
  const N = () => String(r.int(0, 9));
  const AN = () => (r.chance(0.5) ? L() : N());
  return `${r.int(1, 9)}${L()}${AN()}${N()}${L()}${AN()}${N()}${L()}${L()}${N()}${N()}`;
}

/** The data set's rows, one guarantor at a time, deterministic from the seed. */
export function* syntheticGuarantors(options: SyntheticOptions): Generator<SyntheticGuarantor> {
  const r = new Random(options.seed);
  const p = options.idPrefix ?? '';
  const today = options.today;
  const year = Number(today.slice(0, 4));
  let accountSeq = 0;
  let txnSeq = 0;

  for (let gi = 1; gi <= options.guarantors; gi++) {
    const female = r.chance(0.55);
    const first = r.pick(female ? FIRST_NAMES_F : FIRST_NAMES_M);
    const last = r.pick(LAST_NAMES);
    const middle = r.chance(0.5) ? r.pick(female ? FIRST_NAMES_F : FIRST_NAMES_M).charAt(0) : '';
    const senior = r.chance(0.28);
    const age = senior ? r.int(65, 94) : r.int(18, 64);
    const dob = `${year - age}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
    const town = r.weighted(TOWNS.map((t) => [t, t.weight] as const));
    const employee = !senior && r.chance(0.03);
    const deceased = r.chance(senior ? 0.03 : 0.004);
    const externalId = `${p}G${String(1_000_000 + gi)}`;
    const fap = r.weighted([
      ['unknown', 70],
      ['not_applied', 10],
      ['pending', 4],
      ['approved_partial', 5],
      ['approved_full', 3],
      ['denied', 8],
    ] as const);
    const payFrequency = employee
      ? r.weighted([
          ['biweekly', 70],
          ['weekly', 15],
          ['semimonthly', 15],
        ] as const)
      : '';
    const salaried = employee && r.chance(0.3);
    const guarantorRow: Cell[] = [
      externalId,
      `${p}M${String(2_000_000 + gi * 7)}`,
      last,
      first,
      middle,
      dob,
      `${r.int(1, 1999)} ${r.pick(STREETS)} ${r.pick(STREET_SUFFIXES)}`,
      r.chance(0.1) ? `Apt ${r.int(1, 40)}` : '',
      town.city,
      town.state,
      town.zip,
      `${town.area}${r.int(200, 989)}${String(r.int(0, 9999)).padStart(4, '0')}`,
      r.chance(0.45)
        ? `${first.toLowerCase().replace(/[^a-z]/g, '')}.${last.toLowerCase().replace(/[^a-z]/g, '')}${gi}@example.com`
        : '',
      r.weighted([
        ['English', 88],
        ['Spanish', 6],
        ['French', 4],
        ['Vietnamese', 1],
        ['Somali', 1],
      ] as const),
      employee ? 'Recoup Regional Hospital' : senior ? 'Retired' : r.pick(EMPLOYERS),
      employee ? 'Y' : 'N',
      employee ? `E${String(50_000 + gi)}` : '',
      payFrequency,
      employee && !salaried ? dollars(r.int(1600, 4800)) : '',
      salaried ? dollars(r.int(48_000, 140_000) * 100) : '',
      deceased ? 'Y' : 'N',
      '', // the date of death is set below, after the last service
      deceased ? r.pick(['Obituary', 'Family', 'Social Security death index']) : '',
      fap,
      fap === 'unknown' ? '' : addDays(today, -r.int(10, 400)),
      r.chance(0.01) ? 'Y' : 'N',
      r.chance(0.03) ? 'Y' : 'N',
      'N',
      r.chance(0.05) ? 'Y' : 'N',
    ];
    const aRows: Cell[][] = [];
    const tRows: Cell[][] = [];
    let lastService = '1900-01-01';

    const accountCount = r.weighted([
      [1, 65],
      [2, 25],
      [3, 7],
      [4, 3],
    ] as const);
    for (let ai = 0; ai < accountCount; ai++) {
      accountSeq++;
      const accountNumber = `${p}A${String(10_000_000 + accountSeq)}`;
      const obEligible = female && age >= 18 && age <= 44;
      const serviceType = r.weighted([
        ['outpatient', 50],
        ['emergency', 25],
        ['inpatient', 15],
        ['obstetric', obEligible ? 25 : 0],
      ] as const);
      const payer = senior
        ? r.weighted([
            ['medicare', 70],
            ['medicare_advantage', 22],
            ['self_pay', 4],
            ['medicaid', 4],
          ] as const)
        : r.weighted([
            ['self_pay', 36],
            ['commercial', 42],
            ['medicaid', 18],
            ['medicare', 4],
          ] as const);
      const daysAgo = Math.min(1095, Math.floor(-Math.log(Math.max(r.next(), 1e-9)) * 240) + 3);
      const serviceTo = addDays(today, -daysAgo);
      const los = serviceType === 'inpatient' ? r.int(1, 9) : serviceType === 'obstetric' ? r.int(1, 3) : 0;
      const serviceFrom = addDays(serviceTo, -los);
      if (serviceTo > lastService) lastService = serviceTo;

      // Charges, in line items.
      const median = { inpatient: 1_600_000, outpatient: 60_000, emergency: 150_000, obstetric: 900_000 }[serviceType];
      const totalCharges = Math.max(5_000, Math.round(r.logNormal(median, 0.6)));
      const lines = CHARGE_LINES[serviceType]!;
      const nLines = r.int(6, lines.length);
      const weights = Array.from({ length: nLines }, () => 0.2 + r.next());
      const wsum = weights.reduce((s, w) => s + w, 0);
      let allocated = 0;
      const entries: [string, number, string, string][] = [];
      for (let li = 0; li < nLines; li++) {
        const cents =
          li === nLines - 1
            ? totalCharges - allocated
            : Math.max(100, Math.round((totalCharges * weights[li]!) / wsum));
        allocated += cents;
        entries.push(['charge', cents, serviceTo, lines[li]!]);
      }

      // What insurance pays and writes off; what the patient owes.
      let patientShare = totalCharges;
      let deductible = 0;
      let coinsurance = 0;
      let raDate = '';
      if (payer !== 'self_pay') {
        raDate = addDays(serviceTo, r.int(12, 40));
        if (raDate > today) raDate = '';
      }
      if (raDate !== '') {
        if (payer === 'medicare') {
          deductible =
            serviceType === 'inpatient' || serviceType === 'obstetric'
              ? 167_600
              : Math.min(25_700, Math.round(totalCharges * 0.2));
          const allowed = Math.round(totalCharges * (0.3 + r.next() * 0.15));
          coinsurance =
            serviceType === 'inpatient'
              ? los > 60
                ? 41_900 * (los - 60)
                : 0
              : Math.round(Math.max(0, allowed - deductible) * 0.2);
          patientShare = Math.min(totalCharges, deductible + coinsurance);
          const paid = Math.max(0, allowed - patientShare);
          if (paid > 0) entries.push(['insurance_payment', -paid, raDate, 'Medicare']);
          const contractual = totalCharges - paid - patientShare;
          if (contractual > 0) entries.push(['contractual_adjustment', -contractual, raDate, 'Medicare contractual']);
        } else {
          const allowed = Math.round(totalCharges * (payer === 'medicaid' ? 0.35 : 0.55 + r.next() * 0.2));
          patientShare = payer === 'medicaid' ? r.int(0, 2) * 300 : Math.min(allowed, r.int(10, 60) * 2_500);
          const paid = Math.max(0, allowed - patientShare);
          if (paid > 0)
            entries.push([
              'insurance_payment',
              -paid,
              raDate,
              payer === 'medicaid' ? 'State Medicaid' : 'Commercial insurer',
            ]);
          const contractual = totalCharges - paid - patientShare;
          if (contractual > 0) entries.push(['contractual_adjustment', -contractual, raDate, 'Contractual']);
        }
      } else if (payer !== 'self_pay') {
        patientShare = 0; // Still with insurance: nothing billed to the patient yet.
      }
      if (payer === 'self_pay' && r.chance(0.5)) {
        const discount = Math.round(totalCharges * 0.25);
        entries.push(['contractual_adjustment', -discount, addDays(serviceTo, 2), 'Self-pay discount']);
        patientShare -= discount;
      }

      // The first statement after discharge, then patient payments against what is owed.
      const firstStatement = patientShare > 0 ? addDays(raDate || serviceTo, r.int(5, 20)) : '';
      const statementDate = firstStatement && firstStatement <= today ? firstStatement : '';
      let owed = patientShare;
      if (statementDate && owed > 0) {
        const payments = r.weighted([
          [0, 45],
          [1, 25],
          [2, 15],
          [3, 10],
          [4, 5],
        ] as const);
        let when = statementDate;
        for (let pi = 0; pi < payments && owed > 0; pi++) {
          when = addDays(when, r.int(10, 45));
          if (when > today) break;
          const amount =
            pi === payments - 1 && r.chance(0.2)
              ? owed
              : Math.min(owed, Math.max(1_000, Math.round(owed * (0.1 + r.next() * 0.3))));
          entries.push(['patient_payment', -amount, when, r.pick(['Check', 'Card', 'Cash'])]);
          owed -= amount;
        }
      }
      if (fap === 'approved_full' && owed > 0 && statementDate) {
        entries.push([
          'charity_adjustment',
          -owed,
          addDays(statementDate, 20) > today ? today : addDays(statementDate, 20),
          'Financial assistance',
        ]);
        owed = 0;
      }

      aRows.push([
        accountNumber,
        externalId,
        `${first} ${last}`,
        serviceFrom,
        serviceTo,
        serviceType,
        payer,
        town.state,
        payer === 'medicare' || payer === 'medicare_advantage' ? mbi(r) : '',
        payer === 'medicare' && raDate ? raDate : '',
        payer === 'medicaid' ? `MA${r.int(10_000_000, 99_999_999)}` : '',
        payer === 'medicaid' && raDate ? raDate : '',
        '',
        deductible ? dollars(deductible) : '',
        coinsurance ? dollars(coinsurance) : '',
        deceased && r.chance(0.3) ? 'Y' : 'N',
        statementDate,
      ]);
      for (const [type, cents, date, memo] of entries) {
        txnSeq++;
        tRows.push([`${p}T${String(100_000_000 + txnSeq)}`, accountNumber, type, dollars(cents), date, '', memo]);
      }
    }
    if (deceased) {
      // Died after the last hospital stay (often soon after it), never after today.
      const died = addDays(lastService, r.int(1, 120));
      guarantorRow[GUARANTOR_HEADER.indexOf('date_of_death')] = died > today ? today : died;
    }
    yield { guarantor: guarantorRow, accounts: aRows, transactions: tRows };
  }
}

/** Guarantors written to the files at a time. */
const WRITE_BATCH = 2_000;

/**
 * Writes the data set as the three CSV files in batches of guarantors, calling `write(file, text)`
 * for each piece of each file (the header first); the counts at the end.
 */
function streamExtract(
  options: SyntheticOptions,
  write: (file: 'guarantors' | 'accounts' | 'transactions', text: string) => void,
): SyntheticExtract['counts'] {
  const counts = { guarantors: 0, accounts: 0, transactions: 0 };
  write('guarantors', csvLines([GUARANTOR_HEADER]));
  write('accounts', csvLines([ACCOUNT_HEADER]));
  write('transactions', csvLines([TRANSACTION_HEADER]));
  let g: Cell[][] = [];
  let a: Cell[][] = [];
  let t: Cell[][] = [];
  const flush = () => {
    write('guarantors', csvLines(g));
    write('accounts', csvLines(a));
    write('transactions', csvLines(t));
    counts.guarantors += g.length;
    counts.accounts += a.length;
    counts.transactions += t.length;
    g = [];
    a = [];
    t = [];
  };
  for (const one of syntheticGuarantors(options)) {
    g.push(one.guarantor);
    for (const row of one.accounts) a.push(row);
    for (const row of one.transactions) t.push(row);
    if (g.length === WRITE_BATCH) flush();
  }
  flush();
  return counts;
}

/** The data set as three CSV strings (the demo, tests: small sizes). */
export function generateExtract(options: SyntheticOptions): SyntheticExtract {
  const parts = { guarantors: [] as string[], accounts: [] as string[], transactions: [] as string[] };
  const counts = streamExtract(options, (file, text) => parts[file].push(text));
  return {
    guarantorsCsv: parts.guarantors.join(''),
    accountsCsv: parts.accounts.join(''),
    transactionsCsv: parts.transactions.join(''),
    counts,
  };
}

/** Where `writeExtract` put the three files, and how many rows each holds. */
export interface WrittenExtract {
  guarantorsPath: string;
  accountsPath: string;
  transactionsPath: string;
  counts: SyntheticExtract['counts'];
}

/**
 * Writes the data set as three CSV files in `dir` (named `${prefix}guarantors.csv` and so on), a
 * batch of guarantors at a time: the same bytes `generateExtract` makes for the same options.
 */
export function writeExtract(options: SyntheticOptions, dir: string, prefix = ''): WrittenExtract {
  const paths = {
    guarantors: path.join(dir, `${prefix}guarantors.csv`),
    accounts: path.join(dir, `${prefix}accounts.csv`),
    transactions: path.join(dir, `${prefix}transactions.csv`),
  };
  const fds = {
    guarantors: openSync(paths.guarantors, 'w'),
    accounts: openSync(paths.accounts, 'w'),
    transactions: openSync(paths.transactions, 'w'),
  };
  try {
    const counts = streamExtract(options, (file, text) => {
      if (text.length > 0) writeSync(fds[file], text);
    });
    return {
      guarantorsPath: paths.guarantors,
      accountsPath: paths.accounts,
      transactionsPath: paths.transactions,
      counts,
    };
  } finally {
    for (const fd of Object.values(fds)) closeSync(fd);
  }
}

const HEADERS: Record<'guarantors' | 'accounts' | 'transactions', string[]> = {
  guarantors: GUARANTOR_HEADER,
  accounts: ACCOUNT_HEADER,
  transactions: TRANSACTION_HEADER,
};

/**
 * A file whose headers are Recoup's own field names (one of the three the generator writes), ready
 * for the import with the suggested mapping; its text, or the path of the file holding it.
 */
export function asImportFile(
  name: string,
  layout: 'guarantors' | 'accounts' | 'transactions',
  source: { text: string } | { path: string },
): ImportFile {
  return {
    name,
    layout,
    ...source,
    mapping: {
      layout,
      columns: autoMapping(HEADERS[layout], layout),
      dateFormat: 'YYYY-MM-DD',
      encoding: 'utf-8',
      amountSign: 'signed',
      typeCodes: {},
    },
  };
}

/** The three files of a synthetic extract, as the import takes them (strings, or files written). */
export function extractFiles(x: SyntheticExtract | WrittenExtract, prefix = ''): ImportFile[] {
  const sources =
    'guarantorsCsv' in x
      ? {
          guarantors: { text: x.guarantorsCsv },
          accounts: { text: x.accountsCsv },
          transactions: { text: x.transactionsCsv },
        }
      : {
          guarantors: { path: x.guarantorsPath },
          accounts: { path: x.accountsPath },
          transactions: { path: x.transactionsPath },
        };
  return (['guarantors', 'accounts', 'transactions'] as const).map((layout) =>
    asImportFile(`${prefix}${layout}.csv`, layout, sources[layout]),
  );
}
