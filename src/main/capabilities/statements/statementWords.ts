// The statement's words (LANG-01): the wording of the language its snapshot records, its amounts,
// dates and plain texts remembered across the statements a thread draws; and the phrases a statement
// builds from its snapshot (a credit, an aging column, an account's step, the final notice's opening).
import type { AgingBucket } from '../../../shared/rules/aging';
import type { StatementSnapshot } from '../../../shared/schemas/statements';
import { wordingFor, type Wording } from '../../../shared/wording';
import { STATEMENT_TEXTS } from '../../../shared/wording/statementTexts';

export type Words = Wording<typeof STATEMENT_TEXTS>;

/** `f` remembering what it gave for each argument (forgetting all at `limit`): the same string for the same input. */
function remembered<A extends string | number>(f: (a: A) => string, limit = 20_000): (a: A) => string {
  const known = new Map<A, string>();
  return (a) => {
    let v = known.get(a);
    if (v === undefined) {
      if (known.size >= limit) known.clear();
      v = f(a);
      known.set(a, v);
    }
    return v;
  };
}

/**
 * One wording per language for every statement a thread draws, its amounts, dates and plain texts
 * remembered: a run formats the same amounts ("$0.00" above all), dates and labels tens of
 * thousands of times (Intl's formatting was a few per cent of a statement's drawing). The same
 * strings as `wordingFor` gives.
 */
const wordings = new Map<string, Words>();

/** The statement's wording in the language it was made in. */
export function wordsOf(s: StatementSnapshot): Words {
  const lang = s.language ?? 'en';
  let w = wordings.get(lang);
  if (!w) {
    const plain = wordingFor(lang, STATEMENT_TEXTS);
    const money = remembered(plain.money);
    const texts = remembered((key: string) => (plain.say as (k: string) => string)(key), 1_000);
    w = {
      ...plain,
      say: ((key: string, ...values: unknown[]) =>
        values.length === 0 || values[0] === undefined
          ? texts(key)
          : (plain.say as (k: string, ...v: unknown[]) => string)(key, ...values)) as Words['say'],
      // A Map takes -0 for 0, and -0 would print "-$0.00": negative zero is not remembered.
      money: (cents: number) => (Object.is(cents, -0) ? plain.money(cents) : money(cents)),
      shortDate: remembered(plain.shortDate),
      longDate: remembered(plain.longDate),
    };
    wordings.set(lang, w);
  }
  return w;
}

/** Money that lowered the balance, shown as a positive amount (never "-$0.00"). */
export function credit(w: Words, cents: number): string {
  return w.money(cents === 0 ? 0 : -cents);
}

/** An aging bucket's column: "31–60 days", "180+ days". */
export function agingLabel(t: Words, bucket: AgingBucket): string {
  const [from, to] = bucket.split(/[-+]/);
  return to ? t.say('daysRange', { from: from!, to }) : t.say('daysOver', { from: from! });
}

export function stepWords(t: Words, a: StatementSnapshot['accounts'][number], regular: number): string {
  if (a.step === 'final_notice') return t.say('stepFinalNotice');
  if (a.step === 'after_notice') return t.say('stepAfterNotice');
  if (a.step === 'plan') return t.say('stepPlan');
  if (a.step === 'credit') return t.say('stepCredit');
  return a.number ? t.say('stepNumber', { number: a.number, total: regular + 1 }) : '';
}

/** The final notice's opening and what it is about: the whole balance, or the accounts it is the notice for. */
export function finalNoticeWords(s: StatementSnapshot, t: Words): { opening: string; balance: string } {
  const these = s.finalNotice?.accountNumbers;
  // Issue 11: with a credit listed (or a plan's payment), the notice asks for the amount due, never
  // more than the guarantor owes on balance.
  const asked = s.balanceCents !== undefined ? t.say('theAmountDue', { amount: t.money(s.amountDueCents) }) : null;
  if (!these || these.length === 0 || these.length === s.accounts.length)
    return { opening: t.say('lastStatement'), balance: asked ?? t.say('theBalance') };
  const accounts = t.say(these.length === 1 ? 'oneAccount' : 'manyAccounts', { list: t.list(these) });
  return {
    opening: t.say('lastStatementOn', { accounts }),
    balance: asked ?? t.say('theBalanceOf', { accounts }),
  };
}
