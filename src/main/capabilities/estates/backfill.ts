// The daily check that every guarantor flagged deceased has a death recorded (issue 14): a store
// from before Recoup kept estates (migration 022) has guarantors flagged deceased with no death, no
// estate and their plans still running. Each gets the death the extract would have given it
// (deathFromExtract: dated as the guarantor's record says, or from today with a note to find the
// date), with the same effects. A guarantor whose record cannot take a death (a date of death
// before the date of birth) is named in the job's line and tried again the next day.
import { AppError } from '../../../shared/errors';
import type { DailyJob } from '../../platform/capability';
import type { Db } from '../../store/database';
import { guarantorName, guarantorRow } from '../accounts';
import { deathFromExtract } from './deaths';

export const ESTATE_BACKFILL = 'estate-backfill';

/** Records a death for every guarantor flagged deceased with none standing; returns how many, and who could not. */
export function backfillDeaths(db: Db, today: string, now: string): { recorded: number; failed: string[] } {
  const ids = db
    .prepare(
      `SELECT g.id FROM guarantors g
        WHERE g.deceased = 1 AND NOT EXISTS (SELECT 1 FROM deaths d WHERE d.guarantor_id = g.id AND d.undone_on IS NULL)
        ORDER BY g.id`,
    )
    .pluck()
    .all() as number[];
  let recorded = 0;
  const failed: string[] = [];
  for (const guarantorId of ids) {
    try {
      // Each in its own savepoint: one refused leaves the others recorded.
      db.transaction(() =>
        deathFromExtract(db, {
          guarantorId,
          deceased: true,
          today,
          now,
          by: null,
          why: 'Recorded as deceased before Recoup kept estates (daily check).',
        }),
      )();
      recorded++;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      failed.push(`${guarantorName(guarantorRow(db, guarantorId))}: ${err.message}`);
    }
  }
  return { recorded, failed };
}

export const estateBackfillJob: DailyJob = {
  name: ESTATE_BACKFILL,
  audit: 'change',
  run(app, today) {
    const r = backfillDeaths(app.store.db, today, app.nowIso());
    const failed = r.failed.length > 0 ? ` Not recorded (correct the guarantor's record): ${r.failed.join(' ')}` : '';
    return `Estate check: ${r.recorded} death${r.recorded === 1 ? '' : 's'} recorded for guarantors flagged deceased with none.${failed}`;
  },
};
