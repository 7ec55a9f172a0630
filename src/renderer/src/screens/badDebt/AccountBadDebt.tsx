// The account workspace's Medicare bad-debt section (issue 15): for each Medicare account, its
// bad-debt clock (each criterion met, not met, waiting or not applicable, with why), the allowable
// amount and the first day it can be written off; the facts the listing needs that the extract
// does not carry; the hospital's indigence determination (BD-11); money received after a
// write-off (BD-12); and the auditor's packet (BD-08).
import { useMemo, useState } from 'react';
import { z } from 'zod';
import { formatLongDate, formatShortDate } from '../../../../shared/dates';
import { formatCents } from '../../../../shared/money';
import type { CriterionState } from '../../../../shared/rules/badDebt';
import type { AccountView } from '../../../../shared/schemas/accounts';
import { CLAIM_OUTCOME_LABELS, claimRoleText, type BadDebtAccountView } from '../../../../shared/schemas/badDebt';
import {
  factsForm,
  indigenceForm,
  INDIGENCE_ALIASES,
  recoveryForm,
  toFactsForm,
} from '../../../../shared/schemas/badDebtForms';
import type { FileHandle } from '../../../../shared/schemas/files';
import { approvalField, PAYMENT_METHOD_LABELS, PAYMENT_METHODS } from '../../../../shared/schemas/ledger';
import { ApiError, call, messageOf } from '../../api';
import { DataTable } from '../../components/DataTable';
import { DialogForm } from '../../components/DialogForm';
import { CheckboxField, FormAlert, SelectField, TextAreaField, TextField } from '../../components/Field';
import { SupervisorApprovalFields } from '../../components/SupervisorApproval';
import { useSchemaForm } from '../../forms';
import { Notice } from '../agencies/common';
import { useChannelMutation, useChannelQuery } from '../../queries';
import { useWorkspace } from '../../session';
import { KIND_LABELS, plainSummary, SETTING_LABELS, WRITE_OFF_STATUS_LABELS } from './BadDebt';
import './badDebt.css';

const STATE_LABELS: Record<CriterionState, string> = {
  met: 'Met',
  not_met: 'Not met',
  waiting: 'Waiting',
  not_applicable: 'Not applicable',
};
const STATE_BADGES: Record<CriterionState, string> = { met: 'ok', not_met: 'bad', waiting: 'warn', not_applicable: '' };

function FactsDialog({ v, onClose, onDone }: { v: BadDebtAccountView; onClose: () => void; onDone: () => void }) {
  const save = useChannelMutation('badDebt:setFacts');
  const form = useSchemaForm(factsForm, toFactsForm(v.facts));
  return (
    <DialogForm
      title={`Bad-debt facts of account ${v.accountNumber}`}
      form={form}
      fields={['professionalComponent', 'qmb', 'ccn', 'medicaidAd', 'medicaidAdNote', 'secondaryDeniedOn']}
      submitLabel="Save the facts"
      onClose={onClose}
      onSubmit={async (facts) => {
        await save.mutateAsync({ accountId: v.accountId, ...facts });
        onDone();
      }}
    >
      <p className="muted">What the listing needs that the billing extract does not carry.</p>
      <CheckboxField
        name="professionalComponent"
        label="A physician's professional component"
        hint="Professional fees are never Medicare bad debt (BD-03)."
      />
      <CheckboxField
        name="qmb"
        label="Qualified Medicare Beneficiary (QMB)"
        hint="The listing shows QMB in column 12 instead of an amount."
      />
      <div className="form-grid">
        <TextField
          name="ccn"
          label="CCN (blank: the hospital's)"
          className="span-3"
          hint="6 letters or digits; only when this account is reported under another CCN."
        />
        <TextField
          name="secondaryDeniedOn"
          label="Secondary payer denied on (optional)"
          type="date"
          className="span-3"
        />
      </div>
      <CheckboxField
        name="medicaidAd"
        label="Medicaid remittance not available: alternative documentation (AD)"
        hint="For a dual-eligible patient when the state's Medicaid will not process the claim (BD-10)."
      />
      <TextAreaField name="medicaidAdNote" label="What the alternative documentation is" rows={2} />
    </DialogForm>
  );
}

function IndigenceDialog({ v, onClose, onDone }: { v: BadDebtAccountView; onClose: () => void; onDone: () => void }) {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const save = useChannelMutation('badDebt:indigence');
  const form = useSchemaForm(indigenceForm(today), {
    determinedOn: today,
    assets: '',
    liabilities: '',
    monthlyIncome: '',
    monthlyExpenses: '',
    householdSize: '1',
    extenuating: '',
    noOtherSource: false,
    selfDeclarationOnly: false,
    indigent: false,
    note: '',
  });
  return (
    <DialogForm
      title={`Indigence determination for account ${v.accountNumber}`}
      form={form}
      wide
      fields={[
        'determinedOn',
        'assets',
        'liabilities',
        'monthlyIncome',
        'monthlyExpenses',
        'householdSize',
        'extenuating',
        'noOtherSource',
        'selfDeclarationOnly',
        'indigent',
        'note',
      ]}
      aliases={INDIGENCE_ALIASES}
      submitLabel="Record the determination"
      onClose={onClose}
      onSubmit={async ({ assets, liabilities, monthlyIncome, monthlyExpenses, ...rest }) => {
        await save.mutateAsync({
          accountId: v.accountId,
          assetsCents: assets,
          liabilitiesCents: liabilities,
          monthlyIncomeCents: monthlyIncome,
          monthlyExpensesCents: monthlyExpenses,
          ...rest,
        });
        onDone();
      }}
    >
      <p className="muted">
        The hospital&rsquo;s own determination that the patient cannot pay (BD-11), weighing every asset, liability,
        income and expense. The patient&rsquo;s own statement alone is not proof: keep the documents you relied on. The
        latest determination stands; earlier ones stay on record.
      </p>
      <div className="form-grid">
        <TextField name="determinedOn" label="Determined on" type="date" max={today} className="span-2" />
        <TextField name="householdSize" label="Household size" className="span-2" />
        <TextField name="assets" label="Assets ($)" money className="span-2" />
        <TextField name="liabilities" label="Liabilities ($)" money className="span-2" />
        <TextField name="monthlyIncome" label="Monthly income ($)" money className="span-2" />
        <TextField name="monthlyExpenses" label="Monthly expenses ($)" money className="span-2" />
        <TextAreaField name="extenuating" label="Extenuating circumstances (optional)" rows={2} className="span-6" />
      </div>
      <CheckboxField name="noOtherSource" label="No other source is legally responsible (such as Medicaid)" />
      <CheckboxField
        name="selfDeclarationOnly"
        label="Based only on the patient's own statement"
        hint="A self-declaration alone does not support writing off without collection effort."
      />
      <CheckboxField name="indigent" label="The patient is indigent" />
      <TextAreaField name="note" label="Note (optional)" rows={2} />
    </DialogForm>
  );
}

function RecoveryDialog({ v, onClose, onDone }: { v: BadDebtAccountView; onClose: () => void; onDone: () => void }) {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const save = useChannelMutation('badDebt:recovery');
  // Main asks for what the form cannot know, as with an ordinary payment (issue 11): a likely
  // duplicate, and a supervisor for a recovery dated before the last statement.
  const [duplicate, setDuplicate] = useState(false);
  const [needsApproval, setNeedsApproval] = useState(false);
  const schema = useMemo(
    () =>
      recoveryForm(today).extend({
        confirmDuplicate: z.boolean(),
        approval: approvalField(needsApproval),
      }),
    [today, needsApproval],
  );
  const form = useSchemaForm(schema, {
    receivedOn: today,
    amount: '',
    method: '',
    reference: '',
    confirmDuplicate: false,
    approval: { username: '', password: '' },
  });
  return (
    <DialogForm
      title={`Record a recovery on account ${v.accountNumber}`}
      form={form}
      fields={[
        'receivedOn',
        'amount',
        'method',
        'reference',
        'confirmDuplicate',
        'approval.username',
        'approval.password',
      ]}
      aliases={{ amountCents: 'amount' }}
      submitLabel="Record the recovery"
      onClose={onClose}
      onSubmit={async ({ amount, ...rest }) => {
        try {
          await save.mutateAsync({ accountId: v.accountId, amountCents: amount, ...rest });
        } catch (error) {
          if (error instanceof ApiError && error.fields?.confirmDuplicate) setDuplicate(true);
          if (error instanceof ApiError && error.fields?.approval) setNeedsApproval(true);
          throw error;
        }
        onDone();
      }}
    >
      <p className="muted">
        Money received after the account was written off as bad debt. It is posted as a payment and reported on the
        listing of the period it arrives in (BD-12).
      </p>
      <div className="form-grid">
        <TextField name="receivedOn" label="Received on" type="date" max={today} className="span-2" />
        <TextField name="amount" label="Amount received ($)" money className="span-2" />
        <SelectField
          name="method"
          label="How it was paid"
          placeholder="Choose…"
          options={PAYMENT_METHODS.map((m) => ({ value: m, label: PAYMENT_METHOD_LABELS[m] }))}
          className="span-2"
        />
        <TextField name="reference" label="Reference (optional)" className="span-6" />
      </div>
      {duplicate && (
        <CheckboxField
          name="confirmDuplicate"
          label="It is a second payment: record it"
          hint="Leave it unticked and cancel if this is the same payment recorded again."
        />
      )}
      {needsApproval && (
        <SupervisorApprovalFields note="A recovery dated before the last statement changes what the patient was already sent: a supervisor types their own user name and password to approve it." />
      )}
    </DialogForm>
  );
}

type Open = 'facts' | 'indigence' | 'recovery' | null;

/** One Medicare account's bad-debt panel. */
function AccountPanel({ account, onOpenPdf }: { account: AccountView; onOpenPdf: (file: FileHandle) => void }) {
  const view = useChannelQuery('badDebt:account', { accountId: account.id });
  // Shown in the panel's own flow, under its buttons: a floating toast would cover them.
  const [notice, setNotice] = useState<string | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const v = view.value;
  const headingId = `bad-debt-${account.id}`;
  const done = (message: string) => {
    setOpen(null);
    setNotice(message);
  };
  // The latest determination stands (BD-11); whatever order main gives them in.
  const determinations = [...(v?.indigence ?? [])].sort((a, b) =>
    a.determinedOn !== b.determinedOn ? (a.determinedOn < b.determinedOn ? 1 : -1) : b.id - a.id,
  );
  const latestIndigence = determinations[0] ?? null;
  const approved = v?.writeOffs.find((w) => w.status === 'approved') ?? null;
  const current = v?.writeOffs.find((w) => w.status === 'proposed' || w.status === 'approved') ?? null;
  // Nothing owed and never written off: the clock's criteria are beside the point.
  const nothingOwed = !!v && v.balanceCents <= 0 && v.writeOffs.length === 0;
  const criteria = v && (
    <ul className="clock-criteria" aria-label={`Bad-debt criteria of account ${account.accountNumber}`}>
      {v.clock.criteria.map((c) => (
        <li key={c.rule}>
          <span>
            <span className={`badge ${STATE_BADGES[c.state]}`}>{STATE_LABELS[c.state]}</span>
          </span>
          <span>
            <strong>{c.label}</strong> ({c.rule}). {c.detail}
            {c.from ? ` From ${formatShortDate(c.from)}.` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
  return (
    <section className="account-bad-debt" aria-labelledby={headingId}>
      <h3 id={headingId}>Account {account.accountNumber}: Medicare bad debt</h3>
      <FormAlert message={view.error ?? error} />
      {v && (
        <>
          <p>
            <strong>{nothingOwed ? 'Nothing is owed: not a bad-debt account.' : plainSummary(v.clock.summary)}</strong>
          </p>
          <dl className="facts">
            <dt>Allowable bad debt</dt>
            <dd>{formatCents(v.clock.allowableCents)}</dd>
            <dt>First write-off date</dt>
            <dd>{v.clock.firstWriteOffDate ? formatLongDate(v.clock.firstWriteOffDate) : 'Not yet known'}</dd>
            <dt>Kind</dt>
            <dd>{KIND_LABELS[v.clock.kind]}</dd>
            <dt>Setting</dt>
            <dd>{SETTING_LABELS[v.setting]}</dd>
            <dt>Latest remittance</dt>
            <dd>{v.clock.latestRemittance ? formatLongDate(v.clock.latestRemittance) : 'None'}</dd>
            <dt>First bill</dt>
            <dd>{v.clock.firstBill ? formatLongDate(v.clock.firstBill) : 'None yet'}</dd>
            <dt>CCN</dt>
            <dd>{v.ccn || 'Not set'}</dd>
            {current && (
              <>
                <dt>Write-off</dt>
                <dd>
                  {WRITE_OFF_STATUS_LABELS[current.status]} {formatCents(current.amountCents)}
                  {current.writtenOffOn ? ` on ${formatShortDate(current.writtenOffOn)}` : ''}
                </dd>
              </>
            )}
            {latestIndigence && (
              <>
                <dt>Indigence</dt>
                <dd>
                  {latestIndigence.indigent ? 'Indigent' : 'Not indigent'}, determined{' '}
                  {formatShortDate(latestIndigence.determinedOn)}
                  {latestIndigence.selfDeclarationOnly ? ' (on the patient’s statement only)' : ''}
                </dd>
              </>
            )}
          </dl>
          {nothingOwed ? (
            <details className="clock-details">
              <summary>The clock&rsquo;s criteria</summary>
              {criteria}
            </details>
          ) : (
            <>
              <h4>The clock&rsquo;s criteria</h4>
              {criteria}
            </>
          )}
          {v.remittances.length > 0 && (
            <DataTable
              caption={`Insurance remittances of account ${account.accountNumber}`}
              showCaption
              rows={v.remittances}
              rowKey={(c, i) => c.id ?? `p${i}`}
              empty="No remittance."
              columns={[
                { header: 'Payer claim', rowHeader: true, className: 'mono', cell: (c) => c.payerClaimNumber || '—' },
                {
                  header: 'Payer',
                  cell: (c) => claimRoleText(c),
                },
                { header: 'Paid', className: 'num', cell: (c) => formatCents(c.paidCents) },
                { header: 'Deductible', className: 'num', cell: (c) => formatCents(c.deductibleCents) },
                { header: 'Coinsurance', className: 'num', cell: (c) => formatCents(c.coinsuranceCents) },
                { header: 'Outcome', cell: (c) => CLAIM_OUTCOME_LABELS[c.outcome] },
              ]}
            />
          )}
          {determinations.length > 1 && (
            <p className="muted">
              Earlier determinations:{' '}
              {determinations
                .slice(1)
                .map((d) => `${d.indigent ? 'indigent' : 'not indigent'} on ${formatShortDate(d.determinedOn)}`)
                .join('; ')}
              .
            </p>
          )}
          {v.recoveries.length > 0 && (
            <p>
              Recoveries:{' '}
              {v.recoveries.map((r) => `${formatCents(r.amountCents)} on ${formatShortDate(r.receivedOn)}`).join('; ')}.
            </p>
          )}
          <div className="actions start">
            <button type="button" onClick={() => setOpen('facts')}>
              Edit bad-debt facts…
            </button>
            <button type="button" onClick={() => setOpen('indigence')}>
              Record an indigence determination…
            </button>
            {approved && (
              <button type="button" onClick={() => setOpen('recovery')}>
                Record a recovery…
              </button>
            )}
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                setError(null);
                setBusy(true);
                call('badDebt:auditPacket', { accountId: account.id })
                  .then(onOpenPdf, (e: unknown) => setError(messageOf(e)))
                  .finally(() => setBusy(false));
              }}
            >
              {busy ? 'Preparing…' : 'Print the auditor’s packet'}
            </button>
          </div>
          <Notice message={notice} onDismiss={() => setNotice(null)} />
          {open === 'facts' && (
            <FactsDialog
              v={v}
              onClose={() => setOpen(null)}
              onDone={() => done(`Bad-debt facts of account ${v.accountNumber} saved.`)}
            />
          )}
          {open === 'indigence' && (
            <IndigenceDialog
              v={v}
              onClose={() => setOpen(null)}
              onDone={() => done(`Indigence determination recorded on account ${v.accountNumber}.`)}
            />
          )}
          {open === 'recovery' && (
            <RecoveryDialog
              v={v}
              onClose={() => setOpen(null)}
              onDone={() => done(`Recovery recorded on account ${v.accountNumber}.`)}
            />
          )}
        </>
      )}
    </section>
  );
}

/** The section: one panel per Medicare account of the guarantor (nothing when there is none). */
export function AccountBadDebt({
  accounts,
  onOpenPdf,
}: {
  accounts: AccountView[];
  onOpenPdf: (file: FileHandle) => void;
  /** Unused: each panel shows its confirmations in its own flow (a toast covered its buttons). */
  onNotice?: (message: string) => void;
}) {
  const medicare = accounts.filter((a) => a.payerClass === 'medicare');
  if (medicare.length === 0) return <></>;
  return (
    <section className="ws-section" aria-labelledby="ws-bad-debt">
      <h2 id="ws-bad-debt">Medicare bad debt</h2>
      {medicare.map((a) => (
        <AccountPanel key={a.id} account={a} onOpenPdf={onOpenPdf} />
      ))}
    </section>
  );
}

function balanceText(balanceCents: number, writeOffs: number, summary: string): string {
  return balanceCents <= 0 && writeOffs === 0 ? 'Nothing is owed: not a bad-debt account.' : plainSummary(summary);
}

/**
 * One line under a Medicare account's ledger: where its bad-debt clock stands (the Medicare bad
 * debt section below has the criteria). Nothing for other accounts.
 */
export function BadDebtLine({ account }: { account: AccountView }) {
  const view = useChannelQuery(
    'badDebt:account',
    { accountId: account.id },
    { enabled: account.payerClass === 'medicare' },
  );
  if (account.payerClass !== 'medicare' || !view.value) return null;
  const c = view.value.clock;
  const written = view.value.writeOffs.find((w) => w.status === 'approved');
  return (
    <p className="account-bad-debt-line">
      <span className={`badge ${written ? 'bad' : c.listable ? 'ok' : 'warn'}`}>Medicare bad debt</span>{' '}
      {written
        ? `Written off ${formatCents(written.amountCents)}${written.writtenOffOn ? ` on ${formatShortDate(written.writtenOffOn)}` : ''}.`
        : `${balanceText(view.value.balanceCents, view.value.writeOffs.length, c.summary)} Allowable ${formatCents(c.allowableCents)}.`}
    </p>
  );
}
