// The estate's steps but its documents' (issue 14; rules PR-01..PR-04, ECA-04): the estate record
// (its deadline computed again by the one rule, with the rule that produced it), the last illness
// per account, a supervisor's release of the claim where the deadline comes before the 501(r)
// clock, what the court or the representative answered (allowed, disallowed: the suit deadline
// then runs), a follow-up call, a note, money from the estate (estate recoveries, oldest account
// first) and the closing with nothing more (the remainder written off with the reason; a Medicare
// deductible or coinsurance balance left for the bad-debt listing, BD-09). Each step checks the
// estate's status and dates first, so a refusal names its field and changes nothing; the router's
// transaction holds each step, and money goes through changeLedger.
import { clause } from '../../../shared/wording/format';
import type { z } from 'zod';
import { afterBusinessDateMessage, formatLongDate } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import { formatCents } from '../../../shared/money';
import type { Role } from '../../../shared/roles';
import {
  closingSplit,
  ESTATE_STATUS_LABELS,
  releaseNeeded,
  OPEN_ESTATE_STATUSES,
  suitDeadline,
  type EstateStatus,
} from '../../../shared/rules/estates';
import type {
  closeEstateInput,
  estateDetailsInput,
  estateEventInput,
  estatePaymentInput,
  lastIllnessInput,
} from '../../../shared/schemas/estates';
import { ESTATE_CLOSED_REASON } from '../../../shared/schemas/ledger';
import type { RecoupApp } from '../../app';
import type { Db } from '../../store/database';
import { userFullName } from '../access';
import { logActivity } from '../accounts';
import { checkEca, releaseEstateClaim } from '../compliance';
import { endSuspendedForDeath } from '../plans';
import { changeLedger, patientPaid, paymentHow, postRecovery, writeOffApprovedBy } from '../ledger';
import { changeEstate, changeEstateAccount, insertEstateEvent } from './rows';
import {
  deadlineOf,
  estateAccounts,
  estateLabel,
  estateRow,
  owedOf,
  probateRuleById,
  probateRuleOn,
  type EstateRow,
} from './views';

export interface When {
  today: string;
  now: string;
  by: number;
  role?: Role;
}

export function refuse(field: string, message: string): never {
  throw new AppError('invalid_input', message, { [field]: message });
}

export function notNow(message: string): never {
  throw new AppError('not_allowed', message);
}

/** A step allowed only in some statuses: refuses naming what the estate is now. */
export function needStatus(e: EstateRow, allowed: readonly EstateStatus[], what: string): void {
  if (!allowed.includes(e.status))
    notNow(
      `${what} only when the estate’s status is ${allowed.map((s) => ESTATE_STATUS_LABELS[s].toLowerCase()).join(', or ')}; ${estateLabel(e)} is ${ESTATE_STATUS_LABELS[e.status].toLowerCase()}.`,
    );
}

/** A date that has happened, on or after another (the death, the filing). */
export function checkOn(
  field: string,
  on: string,
  today: string,
  what: string,
  notBefore?: { on: string; what: string },
) {
  if (on > today) refuse(field, afterBusinessDateMessage(today, what));
  if (notBefore && on < notBefore.on)
    refuse(field, `${what} cannot be before ${notBefore.what} (${formatLongDate(notBefore.on)}).`);
}

/** The step on the guarantor's activity log, so the account's story has it. */
export function logEstateActivity(
  db: Db,
  e: Pick<EstateRow, 'guarantor_id'>,
  note: string,
  on: string,
  w: { now: string; by: number | null },
  kind: 'note' | 'call' | 'letter' = 'note',
): void {
  logActivity(
    db,
    {
      guarantorId: e.guarantor_id,
      kind,
      outcome: 'noted',
      note,
      occurredOn: on,
      ...(kind === 'call' ? { direction: 'outbound' as const } : {}),
    },
    w.by,
    w.now,
  );
}

const RECORD_OPEN: readonly EstateStatus[] = ['watching', 'referred', 'filed', 'allowed', 'disallowed', 'paid_part'];

/** The estate record: court, case, representative, attorney, the notice's dates; the deadline computed again. */
export function saveDetails(db: Db, input: z.output<typeof estateDetailsInput>, w: When): void {
  const e = estateRow(db, input.estateId);
  needStatus(e, RECORD_OPEN, 'The estate record is changed');
  const death = { on: e.date_of_death, what: 'the death' };
  if (input.firstPublishedOn)
    checkOn('firstPublishedOn', input.firstPublishedOn, w.today, 'The first publication', death);
  if (input.mailedNoticeOn) checkOn('mailedNoticeOn', input.mailedNoticeOn, w.today, 'The mailed notice', death);
  const rule = probateRuleOn(db, input.state, e.date_of_death);
  const before = e.deadline;
  const next = deadlineOf(db, {
    ...e,
    probate_rule_id: rule.id,
    first_published_on: input.firstPublishedOn,
    mailed_notice_on: input.mailedNoticeOn,
  });
  const t = (s: string) => s.trim();
  changeEstate(db, e.id, {
    state: input.state,
    county: t(input.county),
    court_name: t(input.courtName),
    court_address: t(input.courtAddress),
    case_number: t(input.caseNumber),
    pr_name: t(input.prName),
    pr_address: t(input.prAddress),
    attorney_name: t(input.attorneyName),
    attorney_address: t(input.attorneyAddress),
    letter_language: input.letterLanguage,
    first_published_on: input.firstPublishedOn,
    mailed_notice_on: input.mailedNoticeOn,
    probate_rule_id: rule.id,
    deadline: next.deadline,
  });
  const text =
    `Estate record saved${input.courtName.trim() ? ` (${input.courtName.trim()}${input.caseNumber.trim() ? `, case ${input.caseNumber.trim()}` : ''})` : ''}; ` +
    (before === next.deadline
      ? `the claim is still due by ${formatLongDate(next.deadline)}.`
      : `the claim is now due by ${formatLongDate(next.deadline)} (was ${formatLongDate(before)}): ${next.explanation}`);
  insertEstateEvent(
    db,
    e.id,
    'details',
    w.today,
    { text, from: before, to: next.deadline, basis: next.basis, probateRuleId: rule.id },
    w.now,
    w.by,
  );
  logEstateActivity(db, e, `${estateLabel(e)}: ${text}`, w.today, w);
}

/** PR-04: which claimed accounts are the last illness's care (the clerk confirms or corrects). */
export function setLastIllness(db: Db, input: z.output<typeof lastIllnessInput>, w: When): void {
  const e = estateRow(db, input.estateId);
  // Once presented, the claim's classes are what the court holds (PR-04): no change after filing.
  needStatus(e, ['watching', 'referred'], 'The last illness is changed');
  const mine = new Map(estateAccounts(db, e.id).map((a) => [a.account_id, a]));
  for (const a of input.accounts)
    if (!mine.has(a.accountId)) refuse('accounts', 'Choose accounts of this estate’s claim.');
  const changed = input.accounts.filter((a) => (mine.get(a.accountId)!.last_illness === 1) !== a.lastIllness);
  if (changed.length === 0) return;
  for (const a of changed) changeEstateAccount(db, e.id, a.accountId, { lastIllness: a.lastIllness });
  const text = `Last illness (PR-04): ${changed
    .map(
      (a) =>
        `account ${mine.get(a.accountId)!.account_number} ${a.lastIllness ? 'is' : 'is not'} the last illness’s care`,
    )
    .join('; ')}.`;
  insertEstateEvent(db, e.id, 'note', w.today, { text, accounts: changed }, w.now, w.by);
}

/** ECA-04: a supervisor releases the claim on every account (the deadline comes before the clock allows). */
export function releaseClaim(db: Db, estateId: number, reason: string, w: When): void {
  const e = estateRow(db, estateId);
  needStatus(e, ['watching', 'referred'], 'A claim is released');
  const accounts = estateAccounts(db, e.id);
  if (accounts.length === 0) notNow(`${estateLabel(e)} has no accounts to claim: there is nothing to release.`);
  // ECA-04: a release is for a claim whose deadline comes before the 501(r) clock allows (or when
  // the clock cannot say when); where the clock allows in time, the claim waits for it.
  const clockDates = accounts.map((a) => checkEca(db, a.account_id, 'estate_claim', w.today).clock.earliestEcaDate);
  const latest = clockDates.every((d) => d !== null) ? (clockDates as string[]).sort().at(-1)! : null;
  if (latest !== null && !releaseNeeded(e.deadline, latest))
    notNow(
      `The 501(r) clock allows a claim from ${formatLongDate(latest)}, before the deadline of ${formatLongDate(e.deadline)}: the claim waits for the clock; no release is needed (ECA-04).`,
    );
  const why = reason.trim();
  for (const a of accounts) releaseEstateClaim(db, a.account_id, why, w.today, w.by);
  const text = `A supervisor released the claim on ${accounts.length === 1 ? 'the account' : `all ${accounts.length} accounts`} before the 501(r) clock allows (ECA-04): ${why}`;
  insertEstateEvent(db, e.id, 'released', w.today, { text, reason: why }, w.now, w.by);
  logEstateActivity(db, e, `${estateLabel(e)}: ${text}`, w.today, w);
}

type EstateEvent = z.output<typeof estateEventInput>;

/** What the court or the representative answered, a call to the clerk of court, or a note. */
export function recordEstateEvent(db: Db, input: EstateEvent, w: When): void {
  const e = estateRow(db, input.estateId);
  const label = estateLabel(e);
  switch (input.event) {
    case 'allowed': {
      needStatus(e, ['filed', 'paid_part'], 'An allowance is recorded');
      checkOn('on', input.on, w.today, 'The allowance', { on: e.filed_on!, what: 'the filing' });
      if (input.allowedCents > e.claim_cents!)
        refuse('allowedCents', `The amount allowed cannot be more than the claim, ${formatCents(e.claim_cents!)}.`);
      // Money may come before the court's word: an estate paid in part stays so, allowed.
      changeEstate(db, e.id, {
        status: e.status === 'paid_part' ? 'paid_part' : 'allowed',
        allowed_on: input.on,
        allowed_cents: input.allowedCents,
      });
      const text = `The claim was allowed: ${formatCents(input.allowedCents)} of ${formatCents(e.claim_cents!)}.`;
      insertEstateEvent(db, e.id, 'allowed', input.on, { text, allowedCents: input.allowedCents }, w.now, w.by);
      logEstateActivity(db, e, `${label}: ${text}`, input.on, w);
      return;
    }
    case 'disallowed': {
      needStatus(e, ['filed', 'allowed', 'paid_part'], 'A disallowance is recorded');
      checkOn('on', input.on, w.today, 'The disallowance', { on: e.filed_on!, what: 'the filing' });
      const rule = probateRuleById(db, e.probate_rule_id);
      const suitBy = suitDeadline(input.on, rule);
      changeEstate(db, e.id, { status: 'disallowed', disallowed_on: input.on });
      const text = `The claim was disallowed on ${formatLongDate(input.on)}: legal must sue by ${formatLongDate(suitBy)} (${rule.suitDays} days, PR-03) or the claim is lost.`;
      insertEstateEvent(db, e.id, 'disallowed', input.on, { text, suitDeadline: suitBy }, w.now, w.by);
      logEstateActivity(db, e, `${label}: ${text}`, input.on, w);
      return;
    }
    case 'call': {
      needStatus(e, ['filed', 'allowed', 'paid_part', 'disallowed'], 'A follow-up call is recorded');
      checkOn('on', input.on, w.today, 'The call', { on: e.filed_on!, what: 'the filing' });
      const note = input.note.trim();
      const text = `Called the clerk of court: ${note}`;
      insertEstateEvent(db, e.id, 'follow_up', input.on, { text, method: 'call', note }, w.now, w.by);
      logEstateActivity(db, e, `${label}: ${text}`, input.on, w, 'call');
      return;
    }
    case 'note': {
      needStatus(e, OPEN_ESTATE_STATUSES, 'A note is added');
      checkOn('on', input.on, w.today, 'The note', { on: e.date_of_death, what: 'the death' });
      const note = input.note.trim();
      insertEstateEvent(db, e.id, 'note', input.on, { text: note }, w.now, w.by);
      logEstateActivity(db, e, `${label}: ${note}`, input.on, w);
      return;
    }
  }
}

/** Money from the estate: estate recoveries, oldest account first; paid when nothing more is owed. */
export function recordEstatePayment(app: RecoupApp, input: z.output<typeof estatePaymentInput>, w: When): void {
  const db = app.store.db;
  const e = estateRow(db, input.estateId);
  needStatus(e, ['filed', 'allowed', 'paid_part', 'disallowed'], 'A payment from the estate is recorded');
  // Money from the estate answers the claim presented: on or after the filing.
  checkOn('receivedOn', input.receivedOn, w.today, 'A payment', { on: e.filed_on!, what: 'the filing' });
  const accounts = estateAccounts(db, e.id);
  const owed = owedOf(accounts);
  if (input.amountCents > owed)
    refuse(
      'amountCents',
      `The estate’s accounts owe ${formatCents(owed)}: the payment cannot be more. Post any excess from the account screen.`,
    );
  const label = estateLabel(e);
  const how = paymentHow(input);
  changeLedger(app, w.by, (ledger) => {
    const posted = postRecovery(ledger, accounts, input, 'estate_recovery', label);
    const remaining = owed - input.amountCents;
    changeEstate(db, e.id, {
      status: remaining > 0 ? 'paid_part' : 'paid',
      ...(remaining > 0 ? {} : { closed_on: w.today }),
    });
    if (remaining === 0)
      endSuspendedForDeath(db, e.guarantor_id, `${label} paid in full: the plans the death suspended end.`, w);
    const text = `Payment of ${formatCents(input.amountCents)} from the estate (${how}); ${remaining > 0 ? `${formatCents(remaining)} still owed` : 'nothing more is owed'}.`;
    insertEstateEvent(
      db,
      e.id,
      'payment',
      input.receivedOn,
      { text, amountCents: input.amountCents, method: input.method, reference: input.reference, entries: posted },
      w.now,
      w.by,
    );
    logEstateActivity(db, e, `${label}: ${text}`, input.receivedOn, w);
  });
}

/**
 * The estate closes with nothing more: on each account the Medicare deductible or coinsurance
 * balance is left for the bad-debt listing (recorded, not posted: the listing posts a bad-debt
 * write-off, BD-09), the rest written off (administrative adjustment, reason estate_closed), over
 * the approval limit with a supervisor's approval.
 */
export function closeEstate(app: RecoupApp, input: z.output<typeof closeEstateInput>, w: When): void {
  const db = app.store.db;
  const e = estateRow(db, input.estateId);
  needStatus(e, OPEN_ESTATE_STATUSES, 'An estate is closed');
  checkOn('on', input.on, w.today, 'The closing', { on: e.date_of_death, what: 'the death' });
  const accounts = estateAccounts(db, e.id);
  const splits = accounts.map((a) => ({
    a,
    ...closingSplit({
      accountId: a.account_id,
      balanceCents: a.balance_cents,
      payerClass: a.payer_class,
      deductibleCents: a.deductible_cents,
      coinsuranceCents: a.coinsurance_cents,
      paidCents: patientPaid(db, a.account_id),
    }),
  }));
  const writeOff = splits.reduce((t, s) => t + s.writeOffCents, 0);
  const badDebt = splits.reduce((t, s) => t + s.badDebtCents, 0);
  const approvedBy = writeOffApprovedBy(
    app,
    writeOff,
    w.role ?? 'clerk',
    input.approval,
    'Closing the estate writes off',
  );
  const label = estateLabel(e);
  const note = input.note.trim();
  changeLedger(app, w.by, (ledger) => {
    const entries: { entryId: number; accountId: number; cents: number }[] = [];
    for (const s of splits) {
      if (s.writeOffCents > 0)
        entries.push({
          entryId: ledger.post({
            accountId: s.a.account_id,
            type: 'administrative_adjustment',
            amountCents: -s.writeOffCents,
            effectiveDate: input.on,
            memo: `${label} closed with nothing more: ${note}`,
            reasonCode: ESTATE_CLOSED_REASON,
            approvedBy,
          }),
          accountId: s.a.account_id,
          cents: s.writeOffCents,
        });
      if (s.writeOffCents > 0 || s.badDebtCents > 0)
        changeEstateAccount(db, e.id, s.a.account_id, {
          writtenOffCents: s.a.written_off_cents + s.writeOffCents,
          badDebtCents: s.badDebtCents,
          badDebtOn: s.badDebtCents > 0 ? input.on : null,
        });
    }
    changeEstate(db, e.id, { status: 'closed_nothing', closed_on: input.on, close_note: note });
    endSuspendedForDeath(
      db,
      e.guarantor_id,
      `${label} closed with nothing more: the plans the death suspended end.`,
      w,
    );
    const text =
      `Closed with nothing more: ${clause(note)}. ` +
      (writeOff > 0 ? `${formatCents(writeOff)} written off` : 'Nothing written off') +
      (badDebt > 0
        ? `; ${formatCents(badDebt)} of Medicare deductible and coinsurance left for the bad-debt listing.`
        : '.') +
      (approvedBy !== null ? ` Approved by ${userFullName(db, approvedBy) ?? 'a supervisor'}.` : '');
    insertEstateEvent(
      db,
      e.id,
      'closed',
      input.on,
      { text, writtenOffCents: writeOff, badDebtCents: badDebt, entries, approvedBy },
      w.now,
      w.by,
    );
    logEstateActivity(db, e, `${label}: ${text}`, input.on, w);
  });
}
