// The estate's accounts follow the ledger (issue 14): an account of a deceased guarantor whose
// estate is still being worked that comes to owe something after the estate opened (a late charge,
// an account the extract brings in after the death, a payment reversed on an account the estate
// never held) joins the estate, with care near the death suggested as the last illness by the same
// rule as at the opening (PR-04, suggestLastIllness). An estate whose claim is already filed takes
// the account with no claim amount: the estate page shows it as not in the claim filed. Runs as
// afterLedgerChange, inside the change's transaction.
import { formatLongDate } from '../../../shared/dates';
import { formatCents } from '../../../shared/money';
import { suggestLastIllness, UNFILED_ESTATE_STATUSES } from '../../../shared/rules/estates';
import type { LedgerChange } from '../../platform/capability';
import { estatesPolicy } from '../../platform/settings';
import type { Db } from '../../store/database';
import { insertEstateAccount, insertEstateEvent, OPEN_ESTATES_SQL } from './rows';

interface Joining {
  estate_id: number;
  status: string;
  filed_on: string | null;
  date_of_death: string;
  account_id: number;
  account_number: string;
  balance_cents: number;
  service_to: string;
  last_illness: number;
}

/** afterLedgerChange: the changed accounts that now owe something join their guarantor's open estate. */
export function claimAccountsAfterLedgerChange(db: Db, change: LedgerChange): void {
  if (change.accountIds.size === 0) return;
  // The open estates of a standing death are few: find every account of theirs owing something and
  // not yet the estate's, then keep those the change touched.
  const joining = (
    db
      .prepare(
        `SELECT e.id AS estate_id, e.status, e.filed_on, d.date_of_death, a.id AS account_id, a.account_number,
                a.balance_cents, a.service_to, a.last_illness
           FROM estates e JOIN deaths d ON d.id = e.death_id JOIN guarantors g ON g.id = e.guarantor_id
           JOIN accounts a ON a.guarantor_id = e.guarantor_id
          WHERE e.status IN (${OPEN_ESTATES_SQL}) AND d.undone_on IS NULL AND g.deceased = 1 AND a.balance_cents > 0
            AND NOT EXISTS (SELECT 1 FROM estate_accounts ea WHERE ea.estate_id = e.id AND ea.account_id = a.id)
          ORDER BY e.id, a.service_from, a.id`,
      )
      .all() as Joining[]
  ).filter((j) => change.accountIds.has(j.account_id));
  if (joining.length === 0) return;
  const { lastIllnessDays } = estatesPolicy(db);
  const unfiled = new Set<string>(UNFILED_ESTATE_STATUSES);
  for (const j of joining) {
    const lastIllness = j.last_illness === 1 || suggestLastIllness(j.service_to, j.date_of_death, lastIllnessDays);
    insertEstateAccount(db, j.estate_id, j.account_id, lastIllness);
    const filed = !unfiled.has(j.status);
    insertEstateEvent(
      db,
      j.estate_id,
      'note',
      change.today,
      {
        text:
          `Account ${j.account_number} (${formatCents(j.balance_cents)} owed) joined the estate` +
          (lastIllness ? ' as care of the last illness' : '') +
          (filed ? `; it is not in the claim filed${j.filed_on ? ` on ${formatLongDate(j.filed_on)}` : ''}.` : '.'),
        accountId: j.account_id,
        lastIllness,
      },
      change.now,
      change.by,
    );
  }
}
