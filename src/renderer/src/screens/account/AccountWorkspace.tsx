// One guarantor on one screen (accounts:open): who they are and what they owe, their payment plans
// and promises to pay, each account with its ledger, payments, follow-up tasks, the activity log
// and the documents printed for them. Every action opens a dialog; after it succeeds the screen
// reads again what it changed (queries.ts). Opened from the work queue, the "Working the queue" bar leads.
import { useState } from 'react';
import type { AccountView, PaymentView } from '../../../../shared/schemas/accounts';
import type { FileHandle } from '../../../../shared/schemas/files';
import type { LedgerLine } from '../../../../shared/schemas/ledger';
import { isActivePlan, type PlanView } from '../../../../shared/schemas/plans';
import { FormAlert } from '../../components/Field';
import { PdfViewer } from '../../components/PdfViewer';
import { useChannelQuery } from '../../queries';
import { useGuarantorId } from '../../routes';
import { AccountLedger, splitPaymentIds } from './AccountLedger';
import { ActivityLog } from './ActivityLog';
import { AddFollowUpDialog, LogActivityDialog } from './ActivityDialogs';
import { AdjustmentDialog } from './AdjustmentDialog';
import { Documents } from './Documents';
import { FollowUps } from './FollowUps';
import { GuarantorHeader } from './GuarantorHeader';
import { Payments } from './Payments';
import { PostPaymentDialog } from './PostPaymentDialog';
import { ReverseEntryDialog, ReversePaymentDialog } from './ReverseDialogs';
import { ACCOUNT_SECTIONS } from './sections';
import { PaymentPlans } from '../plans/PaymentPlans';
import { CancelPlanDialog, PromiseDialog, SignedDialog } from '../plans/PlanDialogs';
import { PlanTermsDialog, type PlanTermsTarget } from '../plans/PlanTermsDialog';
import { useQueueWork } from '../queue/queueWork';
import { WorkingBar } from '../queue/WorkingBar';
import { AccountEstate, EstateLine } from '../estates/AccountEstate';
import { BadDebtLine } from '../badDebt/AccountBadDebt';

type Open =
  | { dialog: 'pay' }
  | { dialog: 'adjust'; account: AccountView }
  | { dialog: 'reverseEntry'; account: AccountView; entry: LedgerLine }
  | { dialog: 'reversePayment'; payment: PaymentView }
  | { dialog: 'activity' }
  | { dialog: 'followUp' }
  | { dialog: 'pdf'; file: FileHandle }
  | { dialog: 'plan'; target: PlanTermsTarget }
  | { dialog: 'signed'; plan: PlanView }
  | { dialog: 'cancelPlan'; plan: PlanView }
  | { dialog: 'promise' }
  | null;

/** Accounts with a balance that no current or lapsed plan covers: what a new plan may take. */
function accountsOffPlan(accounts: AccountView[], plans: PlanView[]): AccountView[] {
  const onPlan = new Set(plans.filter((p) => isActivePlan(p.status)).flatMap((p) => p.accountIds));
  return accounts.filter((a) => a.balanceCents > 0 && !onPlan.has(a.id));
}

export function AccountWorkspace() {
  const guarantorId = useGuarantorId();
  if (guarantorId === null) return null;
  // A fresh screen per guarantor: nothing of one person's dialogs or notices carries to the next.
  return <GuarantorWorkspace key={guarantorId} guarantorId={guarantorId} />;
}

function GuarantorWorkspace({ guarantorId }: { guarantorId: number }) {
  const workspace = useChannelQuery('accounts:open', { guarantorId });
  const plans = useChannelQuery('plans:list', { guarantorId });
  const promises = useChannelQuery('promises:list', { guarantorId });
  // A deceased guarantor's estate: a banner at the top, and its line on each account it claims.
  const estate = useChannelQuery('estates:ofGuarantor', { guarantorId });
  const working = useQueueWork((s) => (s.item?.guarantorId === guarantorId ? s.item : null));
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const close = () => setOpen(null);
  // What a change made stale is read again by the change itself (queries.ts), before its notice.
  const done = (message: string) => {
    setOpen(null);
    setNotice(message);
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

  const choices = accountsOffPlan(ws.accounts, plans.value ?? []);
  const splitPayments = splitPaymentIds(ws.accounts);
  const accountsOf = (plan: PlanView) => ws.accounts.filter((a) => plan.accountIds.includes(a.id));

  return (
    <section className="workspace">
      {working && <WorkingBar key={working.key} item={working} />}
      <GuarantorHeader guarantor={ws.guarantor} onPostPayment={() => setOpen({ dialog: 'pay' })} />
      <FormAlert message={workspace.error} />
      {/* Fixed at the corner on a wide window; in the page's flow, above the banner, on a narrow one. */}
      {notice && (
        <div className="toast" role="status">
          <span>{notice}</span>
          <button type="button" className="small" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      )}
      <AccountEstate guarantorId={guarantorId} guarantorName={ws.guarantor.name} place="top" onNotice={setNotice} />

      <PaymentPlans
        plans={plans.value}
        promises={promises.value}
        error={plans.error ?? promises.error}
        accounts={ws.accounts}
        choices={plans.value ? choices : []}
        deceased={ws.guarantor.deceased !== null}
        onSetUp={() => setOpen({ dialog: 'plan', target: { mode: 'create', guarantor: ws.guarantor } })}
        onPromise={() => setOpen({ dialog: 'promise' })}
        actions={{
          onOpenPdf: (file) => setOpen({ dialog: 'pdf', file }),
          onSigned: (plan) => setOpen({ dialog: 'signed', plan }),
          onReschedule: (plan) =>
            setOpen({ dialog: 'plan', target: { mode: 'reschedule', plan, planAccounts: accountsOf(plan) } }),
          onCancel: (plan) => setOpen({ dialog: 'cancelPlan', plan }),
        }}
      />

      <section className="ws-section" aria-labelledby="ws-accounts">
        <h2 id="ws-accounts">
          Accounts <span className="count">{ws.accounts.length}</span>
        </h2>
        {ws.accounts.length === 0 && <p className="muted">This guarantor has no accounts.</p>}
        {ws.accounts.map((a) => (
          <AccountLedger
            key={a.id}
            account={a}
            splitPayments={splitPayments}
            estateLine={
              <>
                <EstateLine estate={estate.value} accountId={a.id} />
                <BadDebtLine account={a} />
              </>
            }
            onAdjust={() => setOpen({ dialog: 'adjust', account: a })}
            onReverse={(entry) => setOpen({ dialog: 'reverseEntry', account: a, entry })}
          />
        ))}
      </section>

      {ACCOUNT_SECTIONS.map(({ key, Section }) => (
        <Section key={key} workspace={ws} onOpenPdf={(file) => setOpen({ dialog: 'pdf', file })} onNotice={setNotice} />
      ))}

      <Payments
        payments={ws.payments}
        onReverse={(payment) => setOpen({ dialog: 'reversePayment', payment })}
        onOpenReceipt={(file) => setOpen({ dialog: 'pdf', file })}
      />
      <FollowUps
        followUps={ws.followUps}
        accounts={ws.accounts}
        onAdd={() => setOpen({ dialog: 'followUp' })}
        onClosed={done}
      />
      <ActivityLog activities={ws.activities} accounts={ws.accounts} onLog={() => setOpen({ dialog: 'activity' })} />
      <Documents documents={ws.documents} onOpen={(file) => setOpen({ dialog: 'pdf', file })} />

      {open?.dialog === 'pay' && (
        <PostPaymentDialog
          guarantorId={guarantorId}
          accounts={ws.accounts}
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
      {open?.dialog === 'followUp' && (
        <AddFollowUpDialog guarantorId={guarantorId} accounts={ws.accounts} onClose={close} onDone={done} />
      )}
      {open?.dialog === 'pdf' && <PdfViewer file={open.file} onClose={close} />}
      {open?.dialog === 'plan' && (
        <PlanTermsDialog target={open.target} choices={choices} onClose={close} onDone={done} />
      )}
      {open?.dialog === 'signed' && <SignedDialog plan={open.plan} onClose={close} onDone={done} />}
      {open?.dialog === 'cancelPlan' && <CancelPlanDialog plan={open.plan} onClose={close} onDone={done} />}
      {open?.dialog === 'promise' && <PromiseDialog guarantorId={guarantorId} onClose={close} onDone={done} />}
    </section>
  );
}
