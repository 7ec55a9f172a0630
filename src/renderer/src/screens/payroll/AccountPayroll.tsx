// The guarantor's payroll deduction or automatic bank transfer on the account workspace (issue 16):
// the employee match (or the employees who may be this guarantor, to review), the live arrangement
// with its steps (print the authorization, record the signature, end it), the ended ones, and the
// set-up dialog: the accounts that may be covered (and why the others may not), the method, the
// amount with the wage floor's largest amount and its arithmetic beside it as it is typed (PD-01),
// the first date, and for a bank transfer the account's details (the routing number's check digit
// checked in the form).
import { useEffect, useRef, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { formatLongDate } from '../../../../shared/dates';
import { formatCents, typedCents } from '../../../../shared/money';
import { PAY_FREQUENCIES, PAY_FREQUENCY_LABELS } from '../../../../shared/rules/payroll';
import type { GuarantorPayroll } from '../../../../shared/schemas/payroll';
import {
  SET_UP_ALIASES,
  setUpArrangementForm,
  type SetUpArrangementValues,
} from '../../../../shared/schemas/payrollForms';
import { DialogForm } from '../../components/DialogForm';
import { CheckboxField, FormAlert, GroupError, SelectField, TextField } from '../../components/Field';
import { useSchemaForm } from '../../forms';
import { useChannelMutation, useChannelQuery } from '../../queries';
import { useWorkspace } from '../../session';
import { ArrangementFacts, ArrangementTable, ArrangementDialog, useArrangementSteps } from './Arrangements';
import { LimitLines } from './common';
import { EmployeeDialog } from './Employees';
import './payroll.css';

export function AccountPayroll({ guarantorId, onNotice }: { guarantorId: number; onNotice: (m: string) => void }) {
  const payroll = useChannelQuery('payroll:guarantor', { guarantorId });
  const [open, setOpen] = useState<
    { kind: 'setUp' } | { kind: 'employee'; id: number } | { kind: 'arrangement'; id: number } | null
  >(null);
  const steps = useArrangementSteps(onNotice);
  const p = payroll.value;
  const live = p?.live ?? null;
  // WCAG 2.4.3: after "Set it up" the opener is gone; the cursor goes to the new arrangement's next
  // step (printing its authorization) once the panel shows it, not back to the page's heading.
  // (The new arrangement may be drawn before the dialog closes, or after: either order ends here.)
  const toNextStep = useRef(false);
  const liveId = live?.id ?? null;
  const dialogOpen = open !== null;
  useEffect(() => {
    if (!toNextStep.current || dialogOpen || liveId === null) return;
    toNextStep.current = false;
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-print-authorization="${liveId}"]`)?.focus());
  }, [dialogOpen, liveId]);
  return (
    <section className="ws-section payroll-panel" aria-labelledby="ws-payroll">
      <div className="section-head">
        <h2 id="ws-payroll">Payroll deduction or bank transfer</h2>
        {p && !live && (
          <button type="button" onClick={() => setOpen({ kind: 'setUp' })}>
            Set up a deduction or transfer…
          </button>
        )}
      </div>
      <FormAlert message={payroll.error ?? steps.error} />
      {p && (
        <>
          {p.employee ? (
            <p>
              Employee <span className="mono">{p.employee.employeeNumber}</span> ({p.employee.name}),{' '}
              {p.employee.status === 'active'
                ? `active, paid ${PAY_FREQUENCY_LABELS[p.employee.payFrequency].toLowerCase()}`
                : `terminated${p.employee.terminatedOn ? ` ${formatLongDate(p.employee.terminatedOn)}` : ''}`}
              .{' '}
              <button type="button" className="small" onClick={() => setOpen({ kind: 'employee', id: p.employee!.id })}>
                Employee details…
              </button>
            </p>
          ) : p.possibleEmployees.length > 0 ? (
            <div>
              <p>May be a hospital employee: confirm or reject the match before a payroll deduction.</p>
              <ul>
                {p.possibleEmployees.map((e) => (
                  <li key={e.employeeId}>
                    <span className="mono">{e.employeeNumber}</span> {e.name} (
                    {e.kind === 'exact' ? 'exact match' : 'likely match'}: {e.reasons.join('; ')}){' '}
                    <button
                      type="button"
                      className="small"
                      aria-label={`Review the match with employee ${e.employeeNumber}`}
                      onClick={() => setOpen({ kind: 'employee', id: e.employeeId })}
                    >
                      Review the match…
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="muted">Not matched to a hospital employee: an automatic bank transfer can still be set up.</p>
          )}
          {live ? (
            <>
              <ArrangementFacts a={live} />
              <div className="actions">{steps.buttons(live)}</div>
            </>
          ) : (
            <p className="muted">No deduction or transfer is live.</p>
          )}
          {p.ended.length > 0 && (
            <ArrangementTable
              caption="Ended arrangements"
              rows={p.ended}
              onOpen={(id) => setOpen({ kind: 'arrangement', id })}
            />
          )}
        </>
      )}
      {steps.dialogs}
      {open?.kind === 'setUp' && p && (
        <SetUpDialog
          payroll={p}
          onClose={() => setOpen(null)}
          onDone={(m) => {
            toNextStep.current = true;
            setOpen(null);
            onNotice(m);
          }}
        />
      )}
      {open?.kind === 'employee' && <EmployeeDialog employeeId={open.id} onClose={() => setOpen(null)} />}
      {open?.kind === 'arrangement' && <ArrangementDialog arrangementId={open.id} onClose={() => setOpen(null)} />}
    </section>
  );
}

const SET_UP_FIELDS = [
  'method',
  'accounts',
  'amount',
  'firstDate',
  'frequency',
  'holderName',
  'routingNumber',
  'accountNumber',
  'accountType',
] as const;

function SetUpDialog({
  payroll,
  onClose,
  onDone,
}: {
  payroll: GuarantorPayroll;
  onClose: () => void;
  onDone: (m: string) => void;
}) {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const create = useChannelMutation('payroll:createArrangement');
  const employee = payroll.employee;
  const canPayroll = employee !== null && employee.status === 'active';
  const form = useSchemaForm(setUpArrangementForm(today), {
    method: canPayroll ? 'payroll' : 'bank',
    accounts: Object.fromEntries(payroll.eligibleAccounts.map((a) => [String(a.accountId), true])),
    amount: '',
    firstDate: '',
    frequency: '',
    holderName: '',
    routingNumber: '',
    accountNumber: '',
    accountType: '',
  } satisfies SetUpArrangementValues);
  const method = useWatch({ control: form.control, name: 'method' });
  const amount = useWatch({ control: form.control, name: 'amount' });
  const firstDate = useWatch({ control: form.control, name: 'firstDate' });
  const ticked = useWatch({ control: form.control, name: 'accounts' });
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(firstDate ?? '') ? firstDate : undefined;
  // The rule's largest amount on the first pay date (today's until a date is typed).
  const limit = useChannelQuery(
    'payroll:limit',
    { employeeId: employee?.id ?? 1, ...(validDate ? { on: validDate } : {}) },
    { enabled: method === 'payroll' && canPayroll },
  );
  const owed = payroll.eligibleAccounts
    .filter((a) => ticked?.[String(a.accountId)])
    .reduce((t, a) => t + a.owedCents, 0);
  const typed = typedCents(amount);
  return (
    <DialogForm
      title="Set up a payroll deduction or bank transfer"
      form={form}
      fields={SET_UP_FIELDS}
      aliases={SET_UP_ALIASES}
      submitLabel="Set it up"
      wide
      onClose={onClose}
      onSubmit={async (v) => {
        const input =
          v.method === 'payroll'
            ? {
                method: 'payroll' as const,
                guarantorId: payroll.guarantorId,
                accountIds: v.accountIds,
                amountCents: v.amountCents,
                firstDate: v.firstDate,
              }
            : {
                method: 'bank' as const,
                guarantorId: payroll.guarantorId,
                accountIds: v.accountIds,
                amountCents: v.amountCents,
                firstDate: v.firstDate,
                frequency: v.frequency,
                bank: v.bank,
              };
        const made = await create.mutateAsync(input);
        onDone(
          `${made.reference} set up: ${formatCents(made.amountCents)} ${PAY_FREQUENCY_LABELS[made.frequency].toLowerCase()} from ${formatLongDate(made.firstDate)}. Print the authorization and have it signed; nothing is taken before (PD-02).`,
        );
      }}
    >
      <div className="setup-columns">
        <div>
          <SelectField
            name="method"
            label="Method"
            options={[
              ...(canPayroll ? [{ value: 'payroll', label: 'Payroll deduction' }] : []),
              { value: 'bank', label: 'Automatic bank transfer' },
            ]}
            hint={canPayroll ? undefined : 'A payroll deduction needs a confirmed match to an active employee.'}
          />
          <fieldset className="covered-accounts">
            <legend>Accounts it covers</legend>
            {payroll.eligibleAccounts.length === 0 && <p className="muted">No account can be covered.</p>}
            {payroll.eligibleAccounts.map((a) => (
              <CheckboxField
                key={a.accountId}
                name={`accounts.${a.accountId}`}
                label={`${a.accountNumber} (${a.serviceDates}): ${formatCents(a.owedCents)}`}
              />
            ))}
            <GroupError name="accounts" />
          </fieldset>
          {payroll.ineligibleAccounts.length > 0 && (
            <>
              <p>Not covered:</p>
              <ul className="ineligible">
                {payroll.ineligibleAccounts.map((a) => (
                  <li key={a.accountId}>
                    <span className="mono">{a.accountNumber}</span> ({formatCents(a.owedCents)}): {a.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
          <p>
            Owed on the accounts chosen: <strong>{formatCents(owed)}</strong>
          </p>
          <div className="form-grid">
            <TextField
              name="amount"
              label={method === 'payroll' ? 'Amount each pay period ($)' : 'Amount each debit ($)'}
              money
              className="span-3"
            />
            <TextField
              name="firstDate"
              label={method === 'payroll' ? 'First pay date' : 'First debit date'}
              type="date"
              min={today}
              className="span-3"
            />
            {method === 'bank' && (
              <SelectField
                name="frequency"
                label="How often"
                placeholder="Choose…"
                className="span-3"
                options={PAY_FREQUENCIES.map((f) => ({ value: f, label: PAY_FREQUENCY_LABELS[f] }))}
              />
            )}
          </div>
          {method === 'payroll' && employee && (
            <p className="muted">
              Deducted {PAY_FREQUENCY_LABELS[employee.payFrequency].toLowerCase()}, on the employee&apos;s pay dates.
            </p>
          )}
        </div>
        <div>
          {method === 'payroll' && canPayroll && (
            <>
              {limit.error ? (
                <FormAlert message={limit.error} />
              ) : limit.value ? (
                <LimitLines
                  limit={limit.value}
                  amountCents={typed}
                  title={
                    validDate
                      ? `Largest amount on ${formatLongDate(validDate)} (PD-01)`
                      : 'Largest amount each pay period (PD-01)'
                  }
                />
              ) : (
                <p role="status">Working out the largest amount…</p>
              )}
            </>
          )}
          {method === 'bank' && (
            <section aria-labelledby="setup-bank">
              <h3 id="setup-bank">The guarantor&apos;s bank account</h3>
              <div className="form-grid">
                <TextField name="holderName" label="Account holder" className="span-6" />
                <TextField
                  name="routingNumber"
                  label="Routing number"
                  className="span-3"
                  hint="9 digits, bottom left of a check."
                />
                <TextField name="accountNumber" label="Account number" className="span-3" />
                <SelectField
                  name="accountType"
                  label="Account type"
                  placeholder="Choose…"
                  className="span-3"
                  options={[
                    { value: 'checking', label: 'Checking' },
                    { value: 'savings', label: 'Savings' },
                  ]}
                />
              </div>
              <p className="muted">
                The account number is kept encrypted and shown only as its last four digits; it leaves Recoup only in
                the bank&apos;s transfer file.
              </p>
            </section>
          )}
        </div>
      </div>
    </DialogForm>
  );
}
