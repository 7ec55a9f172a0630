// badDebt:candidates — every Medicare account that owes and where its clock stands on a date;
// 'listable' keeps those a write-off dated that day would list. The facts are gathered in a handful
// of grouped queries (clock.ts) a chunk of accounts at a time, then the one rule runs per account.
import type { BadDebtCandidate } from '../../../shared/schemas/badDebt';
import { badDebtClock } from '../../../shared/rules/badDebt';
import type { Db } from '../../store/database';
import { badDebtPolicy } from '../../platform/settings';
import { gatherAccountsInChunks, MEDICARE_OWING, settingOf } from './clock';

export function candidates(
  db: Db,
  input: { on?: string | undefined; setting: 'inpatient' | 'outpatient' | 'all'; show: 'listable' | 'open' },
  today: string,
  chunk?: number,
): BadDebtCandidate[] {
  const on = input.on ?? today;
  const policy = badDebtPolicy(db);
  const out: BadDebtCandidate[] = [];
  for (const gathered of gatherAccountsInChunks(db, MEDICARE_OWING, chunk))
    for (const g of gathered.values()) {
      const a = g.account;
      const setting = settingOf(a.service_type);
      if (input.setting !== 'all' && input.setting !== setting) continue;
      const clock = badDebtClock(g.facts, policy, on);
      const listable = clock.listable && g.openWriteOff === null;
      if (input.show === 'listable' && !listable) continue;
      out.push({
        accountId: a.id,
        accountNumber: a.account_number,
        guarantorId: a.guarantor_id,
        patientName: a.patient_name,
        serviceFrom: a.service_from,
        serviceTo: a.service_to,
        setting,
        ccn: g.recorded?.ccn ?? policy.ccn,
        kind: clock.kind,
        balanceCents: a.balance_cents,
        allowableCents: clock.allowableCents,
        firstWriteOffDate: clock.firstWriteOffDate,
        listable,
        summary: g.openWriteOff ? `A write-off is ${g.openWriteOff.status}.` : clock.summary,
        writeOffStatus: g.openWriteOff?.status ?? null,
      });
    }
  return out;
}
