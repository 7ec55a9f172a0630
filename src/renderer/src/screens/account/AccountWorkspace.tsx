// One guarantor on one screen (accounts:open): who they are and what they owe, each account with
// its ledger, payments, follow-up tasks, the activity log and the documents printed for them.
// Every action opens a dialog; after it succeeds the screen reads the guarantor again.
import { useState } from 'react';
import type { AccountView, PaymentView } from '../../../../shared/schemas/accounts';
import type { FileOut } from '../../../../shared/schemas/files';
import type { LedgerLine } from '../../../../shared/schemas/ledger';
import { FormAlert } from '../../components/Field';
import { PdfViewer } from '../../components/PdfViewer';
import { useChannel } from '../../components/useChannel';
import { useGuarantorId } from '../../routes';
import { AccountLedger } from './AccountLedger';
import { ActivityLog } from './ActivityLog';
import { AddTaskDialog, LogActivityDialog } from './ActivityDialogs';
import { AdjustmentDialog } from './AdjustmentDialog';
import { Documents } from './Documents';
import { FollowUpTasks } from './FollowUpTasks';
import { GuarantorHeader } from './GuarantorHeader';
import { Payments } from './Payments';
import { PostPaymentDialog } from './PostPaymentDialog';
import { ReverseEntryDialog, ReversePaymentDialog } from './ReverseDialogs';

type Open =
  | { dialog: 'pay' }
  | { dialog: 'adjust'; account: AccountView }
  | { dialog: 'reverseEntry'; account: AccountView; entry: LedgerLine }
  | { dialog: 'reversePayment'; payment: PaymentView }
  | { dialog: 'activity' }
  | { dialog: 'task' }
  | { dialog: 'pdf'; file: FileOut }
  | null;

export function AccountWorkspace() {
  const guarantorId = useGuarantorId();
  if (guarantorId === null) return null;
  // A fresh screen per guarantor: nothing of one person's dialogs or notices carries to the next.
  return <GuarantorWorkspace key={guarantorId} guarantorId={guarantorId} />;
}

function GuarantorWorkspace({ guarantorId }: { guarantorId: number }) {
  const workspace = useChannel('accounts:open', { guarantorId });
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const close = () => setOpen(null);
  const done = (message: string) => {
    setOpen(null);
    setNotice(message);
    workspace.reload();
  };

  const ws = workspace.value;

  if (!ws) {
    return (
      <section>
        <FormAlert message={workspace.error} />
        {!workspace.error && (
          <p className="muted" role="status">
            Opening the account…
          </p>
        )}
      </section>
    );
  }

  return (
    <section className="workspace">
      <GuarantorHeader guarantor={ws.guarantor} onPostPayment={() => setOpen({ dialog: 'pay' })} />
      <FormAlert message={workspace.error} />

      <section className="ws-section" aria-labelledby="ws-accounts">
        <h2 id="ws-accounts">
          Accounts <span className="count">{ws.accounts.length}</span>
        </h2>
        {ws.accounts.length === 0 && <p className="muted">This guarantor has no accounts.</p>}
        {ws.accounts.map((a) => (
          <AccountLedger
            key={a.id}
            account={a}
            onAdjust={() => setOpen({ dialog: 'adjust', account: a })}
            onReverse={(entry) => setOpen({ dialog: 'reverseEntry', account: a, entry })}
          />
        ))}
      </section>

      <Payments payments={ws.payments} onReverse={(payment) => setOpen({ dialog: 'reversePayment', payment })} />
      <FollowUpTasks
        tasks={ws.tasks}
        accounts={ws.accounts}
        onAdd={() => setOpen({ dialog: 'task' })}
        onClosed={done}
      />
      <ActivityLog activities={ws.activities} accounts={ws.accounts} onLog={() => setOpen({ dialog: 'activity' })} />
      <Documents documents={ws.documents} onOpen={(file) => setOpen({ dialog: 'pdf', file })} />

      {notice && (
        <div className="toast" role="status">
          <span>{notice}</span>
          <button type="button" className="small" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      )}

      {open?.dialog === 'pay' && (
        <PostPaymentDialog
          guarantorId={guarantorId}
          accounts={ws.accounts}
          onPosted={() => workspace.reload()}
          onOpenReceipt={(file) => setOpen({ dialog: 'pdf', file })}
          onClose={close}
        />
      )}
      {open?.dialog === 'adjust' && <AdjustmentDialog account={open.account} onClose={close} onDone={done} />}
      {open?.dialog === 'reverseEntry' && (
        <ReverseEntryDialog account={open.account} entry={open.entry} onClose={close} onDone={done} />
      )}
      {open?.dialog === 'reversePayment' && (
        <ReversePaymentDialog payment={open.payment} accounts={ws.accounts} onClose={close} onDone={done} />
      )}
      {open?.dialog === 'activity' && (
        <LogActivityDialog guarantorId={guarantorId} accounts={ws.accounts} onClose={close} onDone={done} />
      )}
      {open?.dialog === 'task' && (
        <AddTaskDialog guarantorId={guarantorId} accounts={ws.accounts} onClose={close} onDone={done} />
      )}
      {open?.dialog === 'pdf' && <PdfViewer file={open.file} onClose={close} />}
    </section>
  );
}
