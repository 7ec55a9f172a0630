// The sample extracts in resources/samples, read in the test process: which guarantors, accounts
// and balances a clerk should find in Recoup after importing them.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const SAMPLES = path.resolve(__dirname, '../../resources/samples');
export const CLEAN = path.join(SAMPLES, 'extract-clean.csv');
export const WITH_ERRORS = path.join(SAMPLES, 'extract-with-errors.csv');

export interface SampleAccount {
  accountNumber: string;
  balanceCents: number;
}

export interface SampleGuarantor {
  externalId: string;
  lastName: string;
  firstName: string;
  accounts: SampleAccount[];
}

/** "12.34" / "-5" -> cents, exactly. */
function cents(text: string): number {
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) throw new Error(`not an amount: ${text}`);
  const value = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -value : value;
}

/** The clean sample has no quoted fields, so a plain split reads it. */
export function cleanSample(): SampleGuarantor[] {
  const [header, ...lines] = readFileSync(CLEAN, 'utf8').trim().split(/\r?\n/);
  const col = (name: string) => header!.split(',').indexOf(name);
  const [gid, last, first, acct, amount] = ['guarantor_id', 'last_name', 'first_name', 'account_number', 'amount'].map(
    col,
  ) as [number, number, number, number, number];
  const byGuarantor = new Map<string, SampleGuarantor>();
  for (const line of lines) {
    const cells = line.split(',');
    const g = byGuarantor.get(cells[gid]!) ?? {
      externalId: cells[gid]!,
      lastName: cells[last]!,
      firstName: cells[first]!,
      accounts: [],
    };
    byGuarantor.set(cells[gid]!, g);
    let a = g.accounts.find((x) => x.accountNumber === cells[acct]);
    if (!a) {
      a = { accountNumber: cells[acct]!, balanceCents: 0 };
      g.accounts.push(a);
    }
    a.balanceCents += cents(cells[amount]!);
  }
  return [...byGuarantor.values()];
}

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
export const dollars = (c: number) => usd.format(c / 100);
