// An adjustment to one account: a reason (which says whether it lowers or raises the balance), the
// amount, the date and a memo. A clerk's adjustment above the limit in Settings needs a supervisor
// to type their user name and password here (main checks them and records who approved).
import { useMemo, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { DOLLARS_HINT, formatCents, typedCents } from '../../../../shared/money';
import { adjustmentNeedsApproval } from '../../../../shared/rules/adjustmentApproval';
import { roleAtLeast } from '../../../../shared/roles';
import type { AccountView } from '../../../../shared/schemas/accounts';
import {
  ADJUSTMENT_REASON_CODES,
  ADJUSTMENT_REASONS,
  POST_ADJUSTMENT_ALIASES,
  postAdjustmentForm,
  type AdjustmentReason,
} from '../../../../shared/schemas/ledger';
import { ApiError } from '../../api';
import { DialogForm } from '../../components/DialogForm';
import { SelectField, TextField } from '../../components/Field';
import { SupervisorApprovalFields } from '../../components/SupervisorApproval';
import { readChannel, useChannelMutation, useChannelQuery } from '../../queries';
import { useWorkspace } from '../../session';
import { useSchemaForm } from '../../forms';

export function isAdjustmentReason(code: string | null | undefined): code is AdjustmentReason {
  return !!code && Object.hasOwn(ADJUSTMENT_REASONS, code);
}

/** The approving supervisor's full name (the result names them by id), or null if it cannot be read. */
export async function approverName(userId: number): Promise<string | null> {
  try {
    return (await readChannel('users:directory', {})).find((u) => u.id === userId)?.fullName ?? null;
  } catch {
    return null;
  }
}

const REASON_OPTIONS = ADJUSTMENT_REASON_CODES.map((r) => ({ value: r, label: ADJUSTMENT_REASONS[r].label }));

interface AdjustmentDialogProps {
  account: AccountView;
  onClose: () => void;
  onDone: (message: string) => void;
}

export function AdjustmentDialog({ account, onClose, onDone }: AdjustmentDialogProps) {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const role = useWorkspace((s) => s.session?.user.role ?? 'clerk');
  const settings = useChannelQuery('settings:get', {});
  const adjust = useChannelMutation('ledger:adjust');
  const limit = settings.value?.posting.adjustmentApprovalLimitCents ?? null;
  // Main may ask for approval even when the form did not expect it (the limit changed meanwhile).
  const [askedByMain, setAskedByMain] = useState(false);
  const [showApproval, setShowApproval] = useState(false);
  const schema = useMemo(() => postAdjustmentForm({ today, needsApproval: showApproval }), [today, showApproval]);
  const form = useSchemaForm(schema, {
    reason: '',
    amount: '',
    effectiveDate: today,
    memo: '',
    approval: { username: '', password: '' },
  });
  const [reason, amountText] = useWatch({ control: form.control, name: ['reason', 'amount'] });
  const amount = typedCents(amountText);
  const overLimit = limit !== null && amount !== null && adjustmentNeedsApproval(role, amount, limit);
  // Derived from what is typed; kept in state so the form's schema follows it.
  if (showApproval !== (overLimit || askedByMain)) setShowApproval(overLimit || askedByMain);

  const direction = isAdjustmentReason(reason)
    ? ADJUSTMENT_REASONS[reason].sign < 0
      ? 'Lowers the balance by the amount.'
      : 'Raises the balance by the amount.'
    : 'The reason says whether the adjustment lowers or raises the balance.';

  return (
    <DialogForm
      title={`Adjustment to account ${account.accountNumber}`}
      form={form}
      fields={['reason', 'amount', 'effectiveDate', 'memo', 'approval.username', 'approval.password']}
      aliases={POST_ADJUSTMENT_ALIASES}
      submitLabel="Post adjustment"
      onClose={onClose}
      onSubmit={async (adjustment) => {
        try {
          const result = await adjust.mutateAsync({ accountId: account.id, ...adjustment });
          const label = ADJUSTMENT_REASONS[adjustment.reason].label;
          const approver = result.approvedBy === null ? null : await approverName(result.approvedBy);
          onDone(
            `${label} of ${formatCents(adjustment.amountCents)} posted to account ${account.accountNumber}${result.approvedBy === null ? '' : `, approved by ${approver ?? 'the supervisor'}`}.`,
          );
        } catch (error) {
          if (error instanceof ApiError && error.fields?.approval) setAskedByMain(true);
          throw error;
        }
      }}
    >
      <p>
        Balance of account {account.accountNumber}: <strong>{formatCents(account.balanceCents)}</strong>
      </p>
      <div className="form-grid">
        <SelectField
          name="reason"
          label="Reason"
          options={REASON_OPTIONS}
          placeholder="Choose…"
          hint={direction}
          className="span-6"
        />
        <TextField name="amount" label="Amount ($)" money className="span-3" hint={DOLLARS_HINT} />
        <TextField name="effectiveDate" label="Date" type="date" max={today} className="span-3" />
        <TextField name="memo" label="Memo (optional)" spellCheck className="span-6" />
      </div>
      {!roleAtLeast(role, 'supervisor') && limit !== null && !showApproval && (
        <p className="field-hint">Adjustments over {formatCents(limit)} need a supervisor&rsquo;s approval.</p>
      )}
      {showApproval && (
        <SupervisorApprovalFields
          note={`${limit !== null ? `Over ${formatCents(limit)}: ` : ''}a supervisor types their own user name and password to approve this adjustment.`}
        />
      )}
    </DialogForm>
  );
}
