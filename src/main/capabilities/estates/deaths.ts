// A death recorded, and undone (issue 14). Recording a death, in one transaction: the guarantor is
// flagged deceased (statements, letters and ECAs stop at once: the automatic 'deceased' hold), each
// open plan and open promise is suspended, every account still at an agency is recalled (reason
// deceased), and the estate opens with its claim deadline (PR-01/PR-02: with no estate known yet,
// the outer limit from death), the accounts that owe something claimed, care near the death
// suggested as the last illness (PR-04). What the death suspended or recalled is kept
// (death_effects), so a supervisor's undo resumes the plans and promises as they were (a recall is
// not undone: the clerk places an account again if wanted) and withdraws the estate; the death's
// row stays, with who undid it and why. The extract's deaths come the same way (afterDeathChange).
import { clause } from '../../../shared/wording/format';
import { plural } from '../../../shared/plural';
import type { z } from 'zod';
import { afterBusinessDateMessage, formatLongDate } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import { documentLanguage } from '../../../shared/rules/documentLanguage';
import {
  claimDeadline,
  DEATH_SOURCE_LABELS,
  suggestLastIllness,
  type DeathSource,
} from '../../../shared/rules/estates';
import type { recordDeathInput } from '../../../shared/schemas/estates';
import type { DeathChange } from '../../platform/capability';
import { estatesPolicy, hospitalIdentity } from '../../platform/settings';
import type { Db } from '../../store/database';
import { guarantorName, guarantorRow, logActivity, setDeceased } from '../accounts';
import { revokeEstateRelease } from '../compliance';
import { entryStandsSql } from '../ledger';
import { recallForDeath } from '../agencies';
import { resumePlan, resumePromise, suspendForDeath } from '../plans';
import {
  changeEstate,
  insertDeath,
  insertDeathEffect,
  insertEstate,
  insertEstateAccount,
  insertEstateEvent,
  markDeathUndone,
  markEffectRestored,
  type DeathEffectKind,
} from './rows';
import { probateRuleOn, standingDeath } from './views';

export interface DeathWhen {
  today: string;
  now: string;
  /** Who recorded it (null: the import, with no user). */
  by: number | null;
}

function refuse(field: string, message: string): never {
  throw new AppError('invalid_input', message, { [field]: message });
}

/**
 * Records a death (the clerk's, or the extract's with `source` 'extract'); returns the estate's id.
 * Refuses (changing nothing) a guarantor with a death standing, a date after today or before birth.
 */
export function recordDeath(
  db: Db,
  input: Omit<z.output<typeof recordDeathInput>, 'source'> & { source: DeathSource },
  w: DeathWhen,
): number {
  const g = guarantorRow(db, input.guarantorId);
  const name = guarantorName(g);
  const standing = standingDeath(db, input.guarantorId);
  if (standing)
    throw new AppError(
      'not_allowed',
      `A death is already recorded for ${name} on ${formatLongDate(standing.date_of_death)}: a supervisor undoes it first to correct it.`,
    );
  if (input.dateOfDeath > w.today) refuse('dateOfDeath', afterBusinessDateMessage(w.today, 'A date of death'));
  if (g.date_of_birth && input.dateOfDeath < g.date_of_birth)
    refuse(
      'dateOfDeath',
      `The date of death is before ${name}’s date of birth (${formatLongDate(g.date_of_birth)}): check the date.`,
    );

  return db.transaction(() => {
    const policy = estatesPolicy(db);
    setDeceased(db, g.id, { dateOfDeath: input.dateOfDeath, source: input.source }, w.now);
    const deathId = insertDeath(
      db,
      { guarantorId: g.id, dateOfDeath: input.dateOfDeath, source: input.source, note: input.note },
      w.today,
      w.now,
      w.by,
    );
    const why = `${name} died on ${formatLongDate(input.dateOfDeath)} (${DEATH_SOURCE_LABELS[input.source].toLowerCase()})`;
    const suspended = suspendForDeath(db, g.id, `${why}: suspended; the balance is claimed from the estate.`, w);
    for (const p of suspended.plans) insertDeathEffect(db, deathId, 'plan', p.id, p.from);
    for (const p of suspended.promises) insertDeathEffect(db, deathId, 'promise', p.id, p.from);
    const recalled = recallForDeath(db, g.id, `The guarantor died on ${formatLongDate(input.dateOfDeath)}.`, {
      today: w.today,
      at: w.now,
      by: w.by,
    });
    for (const p of recalled) insertDeathEffect(db, deathId, 'placement', p.placementId, 'placed');

    const state = g.state || hospitalIdentity(db).address.state;
    const rule = probateRuleOn(db, state, input.dateOfDeath);
    const deadline = claimDeadline(
      { dateOfDeath: input.dateOfDeath, firstPublishedOn: null, mailedNoticeOn: null },
      rule,
    ).deadline;
    const estateId = insertEstate(
      db,
      {
        guarantorId: g.id,
        deathId,
        state,
        letterLanguage: documentLanguage(g.language),
        probateRuleId: rule.id,
        deadline,
      },
      w.now,
      w.by,
    );
    const accounts = db
      .prepare(
        'SELECT id, service_to, last_illness FROM accounts WHERE guarantor_id = ? AND balance_cents > 0 ORDER BY service_from, id',
      )
      .all(g.id) as { id: number; service_to: string; last_illness: number }[];
    for (const a of accounts)
      insertEstateAccount(
        db,
        estateId,
        a.id,
        a.last_illness === 1 || suggestLastIllness(a.service_to, input.dateOfDeath, policy.lastIllnessDays),
      );
    insertEstateEvent(
      db,
      estateId,
      'opened',
      w.today,
      {
        text: `${why}. The claim is due by ${formatLongDate(deadline)} (no estate known yet: the outer limit from death).`,
        deathId,
        deadline,
        probateRuleId: rule.id,
        accountIds: accounts.map((a) => a.id),
      },
      w.now,
      w.by,
    );
    logActivity(
      db,
      {
        guarantorId: g.id,
        kind: 'note',
        outcome: 'noted',
        note:
          `Death recorded (${formatLongDate(input.dateOfDeath)}, ${DEATH_SOURCE_LABELS[input.source].toLowerCase()}): statements and letters stopped; ` +
          `${plural(suspended.plans.length, 'plan', 'plans')} and ${plural(suspended.promises.length, 'promise', 'promises')} suspended; ` +
          `${plural(recalled.length, 'placement', 'placements')} recalled; claim due by ${formatLongDate(deadline)}.` +
          (input.note ? ` ${input.note}` : ''),
        occurredOn: w.today,
      },
      w.by,
      w.now,
    );
    return estateId;
  })();
}

/** The estate's accounts carry standing estate recoveries or the closing's write-off, or the closing left bad debt. */
function moneyMovedFor(db: Db, estateId: number): boolean {
  return (
    db
      .prepare(
        `SELECT 1 FROM estate_accounts ea
          WHERE ea.estate_id = ? AND (ea.bad_debt_cents > 0 OR ea.written_off_cents > 0 OR EXISTS (
            SELECT 1 FROM ledger_entries e WHERE e.account_id = ea.account_id AND e.type = 'estate_recovery' AND ${entryStandsSql('e')}))
          LIMIT 1`,
      )
      .get(estateId) !== undefined
  );
}

/**
 * A supervisor undoes a death recorded by mistake: the flag comes down, each plan and promise the
 * death suspended (and still suspended) resumes with the status it had, the estate is withdrawn.
 * Placements recalled stay recalled. The death's row stays, undone, with the reason.
 */
export function undoDeath(db: Db, guarantorId: number, reason: string, w: DeathWhen): void {
  const g = guarantorRow(db, guarantorId);
  const death = standingDeath(db, guarantorId);
  if (!death)
    throw new AppError('not_allowed', `No death is recorded for ${guarantorName(g)}: there is nothing to undo.`);
  const estate = db.prepare(`SELECT id, status FROM estates WHERE death_id = ?`).get(death.id) as
    { id: number; status: string } | undefined;
  // Money moved because of the death (the estate paid, the closing wrote off and left Medicare bad
  // debt for the listing): those entries are reversed first, by hand, so nothing stays posted or
  // listed for a living guarantor.
  if (estate && moneyMovedFor(db, estate.id))
    throw new AppError(
      'not_allowed',
      `The estate of ${guarantorName(g)} has money posted (payments from the estate, or the closing’s write-off and bad-debt share): reverse those entries on the accounts first, then undo the death.`,
    );
  db.transaction(() => {
    markDeathUndone(db, death.id, reason, w.today, w.now, w.by);
    setDeceased(db, guarantorId, null, w.now);
    const effects = db
      .prepare('SELECT kind, ref_id, from_status FROM death_effects WHERE death_id = ? AND restored_on IS NULL')
      .all(death.id) as { kind: DeathEffectKind; ref_id: number; from_status: string }[];
    let plans = 0;
    let promises = 0;
    let placements = 0;
    for (const e of effects) {
      if (e.kind === 'plan') {
        if (resumePlan(db, e.ref_id, e.from_status, `The death was undone: ${reason}`, w)) {
          markEffectRestored(db, death.id, 'plan', e.ref_id, w.today);
          plans++;
        }
      } else if (e.kind === 'promise') {
        if (resumePromise(db, e.ref_id, w)) {
          markEffectRestored(db, death.id, 'promise', e.ref_id, w.today);
          promises++;
        }
      } else placements++;
    }
    if (estate) {
      // ECA-04: a release given for this estate does not stand for any later claim.
      for (const a of db
        .prepare('SELECT account_id FROM estate_accounts WHERE estate_id = ?')
        .pluck()
        .all(estate.id) as number[])
        revokeEstateRelease(db, a);
      changeEstate(db, estate.id, { status: 'withdrawn', closed_on: w.today });
      insertEstateEvent(
        db,
        estate.id,
        'withdrawn',
        w.today,
        { text: `The death was undone: ${reason}`, fromStatus: estate.status },
        w.now,
        w.by,
      );
    }
    logActivity(
      db,
      {
        guarantorId,
        kind: 'note',
        outcome: 'noted',
        note:
          `Death of ${formatLongDate(death.date_of_death)} undone: ${clause(reason)}. ${plural(plans, 'plan', 'plans')} and ${plural(promises, 'promise', 'promises')} resumed; the estate is withdrawn.` +
          (estate && ['filed', 'allowed', 'disallowed'].includes(estate.status)
            ? ' A claim was presented against the estate: tell the court and the personal representative it is withdrawn.'
            : '') +
          (placements > 0
            ? ` ${plural(placements, 'placement', 'placements')} recalled for the death ${placements === 1 ? 'is' : 'are'} not placed again: place ${placements === 1 ? 'it' : 'them'} again if wanted.`
            : ''),
        occurredOn: w.today,
      },
      w.by,
      w.now,
    );
  })();
}

/**
 * afterDeathChange: the extract raised a guarantor's deceased flag (record the death from the
 * extract, dated as it says or, with no date, from the import's day), or a supervisor approved its
 * lowering (undo the death). Inside the import's or the approval's transaction.
 */
export function deathFromExtract(db: Db, change: DeathChange): void {
  const w = { today: change.today, now: change.now, by: change.by };
  if (change.deceased) {
    if (standingDeath(db, change.guarantorId)) return;
    const g = guarantorRow(db, change.guarantorId);
    // A supervisor undid this death: the extract reporting it again (the same date, or none) does not
    // bring it back; the flag comes down again and the clerk is told to correct the billing system.
    const undone = db
      .prepare(
        `SELECT date_of_death, undone_on, undo_reason FROM deaths WHERE guarantor_id = ? AND undone_on IS NOT NULL ORDER BY id DESC LIMIT 1`,
      )
      .get(change.guarantorId) as { date_of_death: string; undone_on: string; undo_reason: string } | undefined;
    if (undone && (g.date_of_death === null || g.date_of_death === undone.date_of_death)) {
      setDeceased(db, change.guarantorId, null, change.now);
      logActivity(
        db,
        {
          guarantorId: change.guarantorId,
          kind: 'note',
          outcome: 'noted',
          note: `${change.why} It reports again the death a supervisor undid on ${formatLongDate(undone.undone_on)} (${clause(undone.undo_reason)}): not recorded again. Correct the billing system.`,
          occurredOn: change.today,
        },
        change.by,
        change.now,
      );
      return;
    }
    const dated = g.date_of_death !== null && g.date_of_death <= change.today;
    recordDeath(
      db,
      {
        guarantorId: change.guarantorId,
        dateOfDeath: dated ? g.date_of_death! : change.today,
        source: 'extract',
        note: dated
          ? change.why
          : `${change.why} The extract gave no date of death: counted from the day it reported the death; find the date.`,
      },
      w,
    );
    return;
  }
  if (!standingDeath(db, change.guarantorId)) return;
  undoDeath(db, change.guarantorId, 'A supervisor approved the extract’s change', w);
}
