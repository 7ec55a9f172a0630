// A small-claims case from its opening to its end (issue 13; rules §3; ECA-01..05): opened from a
// check that passes (the 501(r) gate may still be waiting), filed only when every line of the check
// passes on the filing date and the gate allows a civil action on every account (attemptEca: the
// ECA register gets each answer, a refusal included), with a litigation hold on each account while
// the case runs; served, a hearing set or continued, notes; closed as satisfied, dismissed or
// withdrawn, releasing the holds. The judgment, payments after it and post-judgment actions are in
// judgment.ts. Each step checks the case's status and its dates first, so a refusal changes nothing
// (but the register's rows of a refused filing, which must stand).
import type { z } from 'zod';
import { addDays, formatLongDate } from '../../../shared/dates';
import { formatCents } from '../../../shared/money';
import { LIMITATION_BASIS_LABELS } from '../../../shared/rules/smallClaims';
import { SERVICE_METHOD_LABELS, type caseEventInput, type openCaseInput } from '../../../shared/schemas/smallClaims';
import type { RecoupApp } from '../../app';
import type { Db } from '../../store/database';
import { attemptEcaForEvery, placeHold } from '../compliance';
import { limitById, suitCheck } from './check';
import { recordJudgment } from './judgment';
import { changeCase, insertCase, insertEvent, setAccountHold } from './rows';
import { type When, logCaseActivity, needStatus, notAfterToday, notNow, refuse, releaseCaseHolds } from './steps';
import { caseAccounts, caseCheck, caseLabel, caseRow, owedCents, type CaseRow } from './views';

type OpenCase = z.output<typeof openCaseInput>;
type CaseEvent = z.output<typeof caseEventInput>;

/**
 * Opens a case: the check must allow preparing it (every line passes but the 501(r) gate's waiting
 * period); the court must be in force in the guarantor's state; the claim is the balance, or the
 * court's limit when the clerk records waiving the excess.
 */
export function openCase(db: Db, input: OpenCase, w: When): number {
  const check = suitCheck(
    db,
    {
      guarantorId: input.guarantorId,
      accountIds: input.accountIds,
      courtId: input.courtId,
      basis: input.basis,
      waiveExcess: input.waiveExcess,
    },
    w.today,
  );
  if (check.courtId === null)
    refuse('courtId', `That court has no limit in force in ${check.state} today: choose a court of the list.`);
  const d = check.decision;
  if (!d.canPrepare) {
    const failing = d.lines.filter((l) => l.state === 'fail');
    notNow(`A case cannot be opened: ${failing.map((l) => `${l.label}: ${l.detail}`).join(' ')}`);
  }
  const waived = d.waivedCents;
  const accounts = check.accounts
    .filter((a) => a.chosen)
    .map((a) => ({ accountId: a.accountId, balanceCents: a.balanceCents }));
  const caseId = db.transaction(() => {
    const id = insertCase(
      db,
      {
        guarantorId: input.guarantorId,
        courtLimitId: check.courtId!,
        courtName: input.courtName,
        courtAddress: input.courtAddress,
        county: input.county,
        basis: input.basis,
        balanceCents: d.balanceCents,
        claimCents: d.claimCents,
        waivedCents: waived,
        waiverNote: waived > 0 ? input.waiverNote.trim() : '',
        openedOn: w.today,
        at: w.now,
        by: w.by,
      },
      accounts,
    );
    const text = `Case opened in ${input.courtName}, ${input.county} County, on ${LIMITATION_BASIS_LABELS[input.basis].toLowerCase()}: claim ${formatCents(d.claimCents)}${waived > 0 ? ` (the excess of ${formatCents(waived)} over the limit waived: ${input.waiverNote.trim()})` : ''}.`;
    insertEvent(
      db,
      id,
      'opened',
      w.today,
      {
        text,
        accountIds: input.accountIds,
        balanceCents: d.balanceCents,
        claimCents: d.claimCents,
        waivedCents: waived,
        lines: d.lines,
      },
      w.now,
      w.by,
    );
    logCaseActivity(db, { guarantor_id: input.guarantorId }, `Small-claims case #${id} opened: ${text}`, w.today, w);
    return id;
  })();
  return caseId;
}

const HAPPENED = {
  filed: 'A filing',
  served: 'Service',
  judgment: 'A judgment',
  closed: 'The close of a case',
  note: 'A note',
} as const;

/** Records one step of the case. */
export function recordCaseEvent(app: RecoupApp, input: CaseEvent, w: When): void {
  const db = app.store.db;
  const c = caseRow(db, input.caseId);
  // A hearing is set for a day to come; everything else is recorded once it has happened.
  if (input.event !== 'hearing' && input.event !== 'continued') notAfterToday(input.on, w.today, HAPPENED[input.event]);
  switch (input.event) {
    case 'filed':
      return fileCase(db, c, input, w);
    case 'served':
      return served(db, c, input, w);
    case 'hearing':
    case 'continued':
      return hearing(db, c, input, w);
    case 'judgment':
      return recordJudgment(app, c, input, w);
    case 'closed':
      return closeCase(db, c, input, w);
    case 'note': {
      db.transaction(() => {
        insertEvent(db, c.id, 'note', input.on, { text: input.note }, w.now, w.by);
        logCaseActivity(db, c, `${caseLabel(c)}: ${input.note}`, input.on, w);
      })();
      return;
    }
  }
}

/**
 * Filing (ECA-02: commencing a civil action, small claims included, is an ECA). The case must have
 * had its demand letter and its date must have come; every line of the check but the gate must pass
 * on the filing date; then the gate is asked for every account (attemptEca writes the register
 * either way; a refusal stops the filing and keeps the register's rows); then each account gets its
 * litigation hold. The claim is lowered to what is owed when payments since the opening left less.
 */
function fileCase(db: Db, c: CaseRow, input: Extract<CaseEvent, { event: 'filed' }>, w: When): void {
  needStatus(c, ['demand_sent'], 'A claim is filed');
  // "After" the letter's date: from the next day (the guarantor has the whole day named).
  if (c.file_after && input.on <= c.file_after)
    refuse(
      'on',
      `The demand letter told the guarantor the hospital would file after ${formatLongDate(c.file_after)}: file on ${formatLongDate(addDays(c.file_after, 1))} or later.`,
    );
  const accounts = caseAccounts(db, c.id);
  const court = limitById(db, c.court_limit_id);
  if (court.state !== c.state)
    notNow(
      `The guarantor now lives in ${c.state || 'no state on file'}, not in ${court.state} where the case was opened: withdraw this case and open one in the right venue.`,
    );
  const check = caseCheck(db, c, accounts, input.on);
  // The gate is judged by attemptEca below, so that every attempt is in the register.
  const failing = check.lines.filter((l) => l.key !== 'gate' && l.state !== 'pass');
  if (failing.length > 0)
    notNow(
      `The claim cannot be filed on ${formatLongDate(input.on)}: ${failing.map((l) => `${l.label}: ${l.detail}`).join(' ')}`,
    );
  attemptEcaForEvery(db, accounts, 'civil_action', input.on, w);

  const claim = Math.min(c.claim_cents, check.claimCents);
  const label = caseLabel({ id: c.id, case_number: input.caseNumber });
  db.transaction(() => {
    for (const a of accounts) {
      const holdId = placeHold(
        db,
        {
          guarantorId: c.guarantor_id,
          accountId: a.account_id,
          reason: 'in_litigation',
          note: label,
          owner: `small-claims case #${c.id}`,
        },
        input.on,
        w.by,
      );
      setAccountHold(db, c.id, a.account_id, holdId);
    }
    changeCase(db, c.id, {
      status: 'filed',
      filed_on: input.on,
      case_number: input.caseNumber,
      filing_fee_cents: input.filingFeeCents,
      ...(claim < c.claim_cents ? { claim_cents: claim, waived_cents: 0 } : {}),
    });
    const lowered =
      claim < c.claim_cents
        ? ` The claim is ${formatCents(claim)}, lowered from ${formatCents(c.claim_cents)}: payments since the case was opened left less owed.`
        : ` The claim is ${formatCents(claim)}.`;
    const text = `Claim filed with ${c.court_name}, case number ${input.caseNumber}; filing fee ${formatCents(input.filingFeeCents)}.${lowered} The accounts are held from statements while the case runs.`;
    insertEvent(
      db,
      c.id,
      'filed',
      input.on,
      // The check as judged on the filing date, kept for the packet's record of it.
      {
        text,
        caseNumber: input.caseNumber,
        filingFeeCents: input.filingFeeCents,
        claimCents: claim,
        lines: check.lines,
      },
      w.now,
      w.by,
    );
    logCaseActivity(db, c, `${label}: ${text}`, input.on, w);
  })();
}

function served(db: Db, c: CaseRow, input: Extract<CaseEvent, { event: 'served' }>, w: When): void {
  needStatus(c, ['filed'], 'Service is recorded');
  if (input.on < c.filed_on!)
    refuse('on', `The guarantor was served after the filing: choose ${formatLongDate(c.filed_on!)} or later.`);
  const text = `Guarantor served: ${SERVICE_METHOD_LABELS[input.method].toLowerCase()}; service fee ${formatCents(input.serviceFeeCents)}.`;
  db.transaction(() => {
    changeCase(db, c.id, {
      status: 'served',
      served_on: input.on,
      service_method: input.method,
      service_fee_cents: input.serviceFeeCents,
    });
    insertEvent(
      db,
      c.id,
      'served',
      input.on,
      { text, method: input.method, serviceFeeCents: input.serviceFeeCents },
      w.now,
      w.by,
    );
    logCaseActivity(db, c, `${caseLabel(c)}: ${text}`, input.on, w);
  })();
}

function hearingWords(on: string, time: string, place: string): string {
  return `${formatLongDate(on)}${time ? ` at ${time}` : ''}, ${place}`;
}

/** A hearing set, or moved (continued): the event keeps the old date, time and place. */
function hearing(
  db: Db,
  c: CaseRow,
  input: Extract<CaseEvent, { event: 'hearing' }> | Extract<CaseEvent, { event: 'continued' }>,
  w: When,
): void {
  needStatus(c, ['filed', 'served'], input.event === 'hearing' ? 'A hearing is set' : 'A hearing is continued');
  if (input.on < c.filed_on!)
    refuse('on', `The hearing is after the filing: choose ${formatLongDate(c.filed_on!)} or later.`);
  const time = input.time.trim();
  if (input.event === 'hearing' && c.hearing_on)
    notNow(
      `A hearing is already set for ${hearingWords(c.hearing_on, c.hearing_time, c.hearing_place)}: record a continuance to move it.`,
    );
  if (input.event === 'continued' && !c.hearing_on)
    notNow('No hearing is set yet: record the hearing first, then a continuance if it is moved.');
  if (
    input.event === 'continued' &&
    input.on === c.hearing_on &&
    time === c.hearing_time &&
    input.place === c.hearing_place
  )
    refuse('on', 'The new hearing is the same as the old one: give the new date, time or place.');
  const text =
    input.event === 'hearing'
      ? `Hearing set for ${hearingWords(input.on, time, input.place)}.`
      : `Hearing of ${hearingWords(c.hearing_on!, c.hearing_time, c.hearing_place)} continued to ${hearingWords(input.on, time, input.place)}: ${input.reason}`;
  db.transaction(() => {
    changeCase(db, c.id, { hearing_on: input.on, hearing_time: time, hearing_place: input.place });
    // A hearing's event is dated the day it was recorded (the hearing's own date is in its words and detail).
    insertEvent(
      db,
      c.id,
      input.event,
      w.today,
      {
        text,
        hearingOn: input.on,
        time,
        place: input.place,
        ...(input.event === 'continued'
          ? { reason: input.reason, was: { on: c.hearing_on, time: c.hearing_time, place: c.hearing_place } }
          : {}),
      },
      w.now,
      w.by,
    );
    logCaseActivity(db, c, `${caseLabel(c)}: ${text}`, w.today, w);
  })();
}

/**
 * The end of a case: satisfied (a judgment paid in full), dismissed (once filed) or withdrawn
 * (before filing). Every litigation hold still in force is released.
 */
function closeCase(db: Db, c: CaseRow, input: Extract<CaseEvent, { event: 'closed' }>, w: When): void {
  const owed = owedCents(caseAccounts(db, c.id));
  if (input.outcome === 'satisfied') {
    needStatus(c, ['judgment'], 'A case is closed as satisfied');
    if (owed > 0)
      notNow(
        `The judgment is not paid: ${formatCents(owed)} is still owed on the case’s accounts. Record the payments first, or close the case as dismissed.`,
      );
  } else if (input.outcome === 'dismissed') needStatus(c, ['filed', 'served', 'judgment'], 'A case is dismissed');
  else needStatus(c, ['open', 'demand_sent'], 'A case is withdrawn');
  const from = c.judgment_on ?? c.filed_on ?? c.opened_on;
  if (input.on < from) refuse('on', `The case closes on ${formatLongDate(from)} or later.`);
  const words = { satisfied: 'satisfied', dismissed: 'dismissed', withdrawn: 'withdrawn' }[input.outcome];
  const text = `Case closed: ${words}${input.note ? ` (${input.note})` : ''}.${c.filed_on ? ' The accounts’ litigation holds are released.' : ''}`;
  db.transaction(() => {
    releaseCaseHolds(db, c, words, input.on, w);
    changeCase(db, c.id, { status: input.outcome, closed_on: input.on, close_note: input.note });
    insertEvent(db, c.id, 'closed', input.on, { text, outcome: input.outcome, note: input.note }, w.now, w.by);
    logCaseActivity(db, c, `${caseLabel(c)}: ${text}`, input.on, w);
  })();
}
