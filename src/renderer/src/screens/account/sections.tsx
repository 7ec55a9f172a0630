// The capabilities' own sections of the account workspace, shown after the accounts' ledgers in
// this order. A capability that shows something on the account screen adds its section here, one
// line: the section is given the workspace and two ways to speak (open a document, say a notice),
// and reads its own data with useChannelQuery.
import type { ReactElement } from 'react';
import type { AccountWorkspace } from '../../../../shared/schemas/accounts';
import type { FileHandle } from '../../../../shared/schemas/files';
import { AccountAgencies } from '../agencies/AccountAgencies';
import { AccountSmallClaims } from '../smallClaims/SuitCheck';
import { AccountEstate } from '../estates/AccountEstate';
import { AccountBadDebt } from '../badDebt/AccountBadDebt';
import { AccountPayroll } from '../payroll/AccountPayroll';
import { AccountObstetrics } from '../obstetrics/AccountObstetrics';
import { FinancialAssistance } from './FinancialAssistance';
import { StatementCycle } from './StatementCycle';

export interface AccountSectionProps {
  workspace: AccountWorkspace;
  onOpenPdf: (file: FileHandle) => void;
  onNotice: (message: string) => void;
}

export const ACCOUNT_SECTIONS: readonly { key: string; Section: (props: AccountSectionProps) => ReactElement }[] = [
  {
    key: 'statements',
    Section: ({ workspace, onOpenPdf, onNotice }) => (
      <StatementCycle
        guarantorId={workspace.guarantor.id}
        accounts={workspace.accounts}
        onOpenPdf={onOpenPdf}
        onNotice={onNotice}
      />
    ),
  },
  {
    key: 'financial-assistance',
    Section: ({ workspace, onOpenPdf, onNotice }) => (
      <FinancialAssistance
        guarantorId={workspace.guarantor.id}
        status={workspace.guarantor.fapStatus}
        statusDate={workspace.guarantor.fapStatusDate}
        onChanged={onNotice}
        onOpenPdf={onOpenPdf}
      />
    ),
  },
  {
    key: 'agencies',
    Section: ({ workspace }) => <AccountAgencies guarantorId={workspace.guarantor.id} />,
  },
  {
    key: 'small-claims',
    Section: ({ workspace }) => <AccountSmallClaims guarantorId={workspace.guarantor.id} />,
  },
  {
    // Issue 14: record a death (a standing death is the banner at the top of the workspace).
    key: 'death',
    Section: ({ workspace, onNotice }) => (
      <AccountEstate
        guarantorId={workspace.guarantor.id}
        guarantorName={workspace.guarantor.name}
        place="section"
        onNotice={onNotice}
      />
    ),
  },
  {
    // Issue 15: each Medicare account's bad-debt clock, facts, indigence, recoveries and the auditor's packet.
    key: 'bad-debt',
    Section: ({ workspace, onOpenPdf, onNotice }) => (
      <AccountBadDebt accounts={workspace.accounts} onOpenPdf={onOpenPdf} onNotice={onNotice} />
    ),
  },
  {
    // Issue 16: the employee match, a payroll deduction or automatic bank transfer, its authorization and signature.
    key: 'payroll',
    Section: ({ workspace, onNotice }) => <AccountPayroll guarantorId={workspace.guarantor.id} onNotice={onNotice} />,
  },
  {
    // Issue 17: her OB prepayment arrangements (status, next due) and a new OB interview for her.
    key: 'obstetrics',
    Section: ({ workspace }) => (
      <AccountObstetrics guarantorId={workspace.guarantor.id} deceased={workspace.guarantor.deceased !== null} />
    ),
  },
];
