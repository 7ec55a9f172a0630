// The agencies the benches place with (issue 12), set up the same way by the full bench
// (agencyBench) and the reports bench (the placement build at scale, issue 18).
import { saveAgency, setFee } from '../main/capabilities/agencies';
import { addDays } from '../shared/dates';
import { US_STATES } from '../shared/schemas/agencies';
import type { Db } from '../main/store/database';
import { benchUser } from './util';

/**
 * Every account with $50.00 or more whose service ended 200 days ago or more has had its cycle (a
 * first statement, the data set's or 10 days after discharge, and a final notice on `finalNotice`);
 * a supervisor; three agencies placing by share (50, 30, 20), each with its primary fee. Returns the
 * supervisor's user id.
 */
export function setUpAgencies(db: Db, today: string, finalNotice: string, now: string, username: string): number {
  db.prepare(
    `UPDATE accounts SET first_statement_date = coalesce(first_statement_date, date(service_to, '+10 days')),
            final_notice_date = ?
      WHERE balance_cents >= 5000 AND service_to <= ?`,
  ).run(finalNotice, addDays(today, -200));
  const supervisor = benchUser(db, username, now, 'supervisor', 'Benchmark Supervisor');
  for (const [name, share] of [
    ['Acme Recovery', 50],
    ['Bay State Credit', 30],
    ['Coastal Collections', 20],
  ] as const) {
    const agencyId = saveAgency(
      db,
      {
        name,
        contactName: '',
        contactPhone: '',
        contactEmail: '',
        address: '',
        licenceStates: [...US_STATES],
        baaSignedOn: '2025-01-01',
        recallDays: 180,
        remittanceMethod: share === 30 ? 'net' : 'gross',
        sharePercent: share,
      },
      now,
      supervisor,
    );
    setFee(db, { agencyId, kind: 'primary', rateBp: 2_000 + share * 10, effectiveFrom: '2025-01-01' }, now, supervisor);
  }
  return supervisor;
}
