// Credits to refund on this guarantor's accounts (ECA-05: a patient found eligible is refunded what
// they paid beyond the policy amount; any other credit is refunded too), each with the date it is due
// by; past it, the item is in the supervisors' work queue. Posting the refund writes a refund entry;
// a clerk's refund over the approval limit needs a supervisor's user name and password.
import { useMemo, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { formatShortDate } from '../../../../shared/dates';
import { DOLLARS_HINT, formatCents, formatDecimal, typedCents } from '../../../../shared/money';
import { adjustmentNeedsApproval } from '../../../../shared/rules/adjustmentApproval';
import { roleAtLeast } from '../../../../shared/roles';
import { POST_REFUND_ALIASES, postRefundForm, type CreditView } from '../../../../shared/schemas/fap';
import { ApiError } from '../../api';
import { DataTable } from '../../components/DataTable';
import { DialogForm } from '../../components/DialogForm';
import { FormAlert, TextField } from '../../components/Field';
import { SupervisorApprovalFields } from '../../components/SupervisorApproval';
import { useChannelMutation, useChannelQuery } from '../../queries';
import { useWorkspace } from '../../session';
import { useSchemaForm } from '../../forms';
import { approverName } from './AdjustmentDialog';

function RefundDialog({
  credit,
  onClose,
  onDone,
}: {
  credit: CreditView;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const role = useWorkspace((s) => s.session?.user.role ?? 'clerk');
  const settings = useChannelQuery('settings:get', {});
  const refund = useChannelMutation('credits:refund');
  const limit = settings.value?.posting.adjustmentApprovalLimitCents ?? null;
  const [askedByMain, setAskedByMain] = useState(false);
  const [showApproval, setShowApproval] = useState(false);
  const schema = useMemo(() => postRefundForm(today, showApproval), [today, showApproval]);
  const form = useSchemaForm(schema, {
    amount: formatDecimal(credit.patientCents),
    effectiveDate: today,
    reference: '',
    memo: '',
    approval: { username: '', password: '' },
  });
  const amount = typedCents(useWatch({ control: form.control, name: 'amount' }));
  const overLimit = limit !== null && amount !== null && adjustmentNeedsApproval(role, amount, limit);
  if (showApproval !== (overLimit || askedByMain)) setShowApproval(overLimit || askedByMain);
  return (
    <DialogForm
      title={`Refund on account ${credit.accountNumber}`}
      form={form}
      fields={['amount', 'effectiveDate', 'reference', 'memo', 'approval.username', 'approval.password']}
      aliases={POST_REFUND_ALIASES}
      submitLabel="Post the refund"
      onClose={onClose}
      onSubmit={async (r) => {
        try {
          const result = await refund.mutateAsync({ accountId: credit.accountId, ...r });
          const approver = result.approvedBy === null ? null : await approverName(result.approvedBy);
          onDone(
            `Refund of ${formatCents(r.amountCents)} posted to account ${credit.accountNumber}${result.approvedBy === null ? '' : `, approved by ${approver ?? 'the supervisor'}`}.`,
          );
        } catch (error) {
          if (error instanceof ApiError && error.fields?.approval) setAskedByMain(true);
          throw error;
        }
      }}
    >
      <p>
        Account {credit.accountNumber} is in credit <strong>{formatCents(credit.creditCents)}</strong>
        {credit.patientCents < credit.creditCents && (
          <> (the patient&rsquo;s part: {formatCents(credit.patientCents)}; the rest is not money the patient paid)</>
        )}
        ; the refund is due by {formatShortDate(credit.dueDate)}.
      </p>
      <div className="form-grid">
        <TextField name="amount" label="Refund amount ($)" money className="span-3" hint={DOLLARS_HINT} />
        <TextField name="effectiveDate" label="Date sent" type="date" max={today} className="span-3" />
        <TextField name="reference" label="Check number or reference (optional)" className="span-3" />
        <TextField name="memo" label="Memo (optional)" spellCheck className="span-3" />
      </div>
      {!roleAtLeast(role, 'supervisor') && limit !== null && !showApproval && (
        <p className="field-hint">Refunds over {formatCents(limit)} need a supervisor&rsquo;s approval.</p>
      )}
      {showApproval && (
        <SupervisorApprovalFields
          note={`${limit !== null ? `Over ${formatCents(limit)}: ` : ''}a supervisor types their own user name and password to approve this refund.`}
        />
      )}
    </DialogForm>
  );
}

export function Credits({ guarantorId, onChanged }: { guarantorId: number; onChanged: (message: string) => void }) {
  const list = useChannelQuery('credits:list', { guarantorId });
  const [refunding, setRefunding] = useState<CreditView | null>(null);
  if (!list.value?.length && !list.error) return <></>;
  return (
    <div className="group">
      <h3 id="ws-credits">Credits to refund</h3>
      <FormAlert message={list.error} />
      {list.value && (
        <DataTable
          caption="Credits to refund"
          rows={list.value}
          rowKey={(c) => c.accountId}
          empty="No account is in credit."
          columns={[
            { header: 'Account', rowHeader: true, className: 'nowrap', cell: (c) => c.accountNumber },
            { header: 'Credit', className: 'num', cell: (c) => formatCents(c.creditCents) },
            { header: 'The patient’s', className: 'num', cell: (c) => formatCents(c.patientCents) },
            {
              header: 'Refund due',
              className: 'nowrap',
              cell: (c) => (
                <>
                  {formatShortDate(c.dueDate)}
                  {c.overdue && <strong> (overdue)</strong>}
                </>
              ),
            },
            { header: 'From', cell: (c) => (c.fromAssistance ? 'Financial-assistance decision' : 'Other credit') },
            {
              header: 'Action',
              headerHidden: true,
              className: 'row-actions',
              cell: (c) =>
                c.patientCents > 0 ? (
                  <button
                    type="button"
                    aria-label={`Post the refund on account ${c.accountNumber}`}
                    onClick={() => setRefunding(c)}
                  >
                    Post the refund…
                  </button>
                ) : (
                  'Not the patient’s: back to the payer'
                ),
            },
          ]}
        />
      )}
      {refunding && (
        <RefundDialog
          credit={refunding}
          onClose={() => setRefunding(null)}
          onDone={(message) => {
            setRefunding(null);
            onChanged(message);
          }}
        />
      )}
    </div>
  );
}
