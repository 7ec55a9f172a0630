// The wage-floor table (PD-01): the federal minimum wage and exempt salary level ('US'), and each
// state's minimum and deduction limit, from their dates. A change is a new row from a date, added
// by a supervisor (main refuses anyone else); the rule uses the latest row on the pay date.
import { useState } from 'react';
import { formatShortDate } from '../../../../shared/dates';
import { formatCents } from '../../../../shared/money';
import { roleAtLeast } from '../../../../shared/roles';
import { WAGE_FLOOR_ALIASES, wageFloorForm } from '../../../../shared/schemas/payrollForms';
import { DataTable } from '../../components/DataTable';
import { DialogForm } from '../../components/DialogForm';
import { FormAlert, TextField } from '../../components/Field';
import { useSchemaForm } from '../../forms';
import { useChannelMutation, useChannelQuery } from '../../queries';
import { formatInstant } from '../../format';
import { useWorkspace } from '../../session';
import { Notice } from '../agencies/common';
import { DASH } from './common';

export function WageFloors() {
  const role = useWorkspace((s) => s.session?.user.role ?? 'clerk');
  const floors = useChannelQuery('payroll:wageFloors', {});
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const supervisor = roleAtLeast(role, 'supervisor');
  return (
    <>
      <div className="section-head">
        <h2 id="payroll-floors">Wage floor</h2>
        {supervisor && (
          <button type="button" onClick={() => setAdding(true)}>
            Add a row…
          </button>
        )}
      </div>
      <p className="muted">
        No deduction may bring pay below the minimum wage or cut into overtime in any workweek (PD-01). The federal row
        (US) always applies; a state&apos;s row adds a higher minimum or a limit on deductions. A supervisor adds a row
        from the date a law changes.
      </p>
      <Notice message={notice} onDismiss={() => setNotice(null)} />
      <FormAlert message={floors.error} />
      {floors.value && (
        <DataTable
          caption="Wage floor"
          rows={[...floors.value].sort(
            (a, b) => a.jurisdiction.localeCompare(b.jurisdiction) || b.effectiveFrom.localeCompare(a.effectiveFrom),
          )}
          rowKey={(r) => r.id}
          stale={floors.loading}
          empty="The table is empty: no deduction can be checked until the federal row is added."
          columns={[
            {
              header: 'Where',
              rowHeader: true,
              cell: (r) => (r.jurisdiction === 'US' ? 'US (federal)' : r.jurisdiction),
            },
            { header: 'From', className: 'nowrap', cell: (r) => formatShortDate(r.effectiveFrom) },
            { header: 'Minimum wage', className: 'num', cell: (r) => `${formatCents(r.minimumWageCents)}/h` },
            {
              header: 'Exempt salary',
              className: 'num',
              cell: (r) => (r.exemptWeeklySalaryCents === null ? DASH : `${formatCents(r.exemptWeeklySalaryCents)}/wk`),
            },
            {
              header: 'Deduction limit',
              className: 'num',
              cell: (r) => (r.deductionLimitBp === null ? DASH : `${(r.deductionLimitBp / 100).toString()}% of pay`),
            },
            { header: 'Source', className: 'prose-cell', cell: (r) => r.source },
            {
              header: 'Added',
              className: 'nowrap',
              cell: (r) => `${formatInstant(r.createdAt)}${r.createdBy ? `, ${r.createdBy}` : ''}`,
            },
          ]}
        />
      )}
      {adding && (
        <WageFloorDialog
          onClose={() => setAdding(false)}
          onDone={(m) => {
            setAdding(false);
            setNotice(m);
          }}
        />
      )}
    </>
  );
}

function WageFloorDialog({ onClose, onDone }: { onClose: () => void; onDone: (m: string) => void }) {
  const set = useChannelMutation('payroll:setWageFloor');
  const form = useSchemaForm(wageFloorForm, {
    jurisdiction: '',
    effectiveFrom: '',
    minimumWage: '',
    exemptWeeklySalary: '',
    deductionLimitPercent: '',
    source: '',
  });
  return (
    <DialogForm
      title="Add a wage-floor row"
      form={form}
      fields={['jurisdiction', 'effectiveFrom', 'minimumWage', 'exemptWeeklySalary', 'deductionLimitPercent', 'source']}
      aliases={WAGE_FLOOR_ALIASES}
      submitLabel="Add the row"
      onClose={onClose}
      onSubmit={async (v) => {
        await set.mutateAsync(v);
        onDone(`${v.jurisdiction} from ${formatShortDate(v.effectiveFrom)} added.`);
      }}
    >
      <p>
        A row applies from its date until a later row for the same place. The same place and date again is refused,
        unless that date is still ahead (then the row is replaced).
      </p>
      <div className="form-grid">
        <TextField
          name="jurisdiction"
          label="State (US for federal)"
          className="span-2"
          hint="Two letters, such as TX."
        />
        <TextField name="effectiveFrom" label="From" type="date" className="span-2" />
        <TextField name="minimumWage" label="Minimum wage ($ an hour)" money className="span-2" />
        <TextField
          name="exemptWeeklySalary"
          label="Exempt weekly salary ($, optional)"
          money
          className="span-3"
          hint="The salary level an exempt employee keeps."
        />
        <TextField
          name="deductionLimitPercent"
          label="Deduction limit (% of pay, optional)"
          className="span-3"
          hint="A state's cap on a deduction."
        />
        <TextField name="source" label="Source" className="span-6" hint="The law or notice, such as 29 U.S.C. 206." />
      </div>
    </DialogForm>
  );
}
