// The probate table a supervisor keeps (rules §4, PR-01..PR-04): by state, the months a notice to
// creditors gives, the days after a notice mailed to the hospital, the outer limit from death, the
// priority classes of the last illness and of other claims, and the days to sue after a
// disallowance. A change is a new row from a date; nothing is deleted, so a past deadline can be
// explained. '*' is the Uniform Probate Code's row, used for a state with none of its own.
import { useState } from 'react';
import { formatShortDate } from '../../../../shared/dates';
import { roleAtLeast } from '../../../../shared/roles';
import { probateRuleFor, UPC_DEFAULT_STATE } from '../../../../shared/rules/estates';
import { US_STATES } from '../../../../shared/schemas/hospital';
import { probateRuleForm } from '../../../../shared/schemas/estatesForms';
import { DataTable } from '../../components/DataTable';
import { DialogForm } from '../../components/DialogForm';
import { FormAlert, SelectField, TextAreaField, TextField } from '../../components/Field';
import { formatInstant } from '../../format';
import { useSchemaForm } from '../../forms';
import { useChannelMutation, useChannelQuery } from '../../queries';
import { hrefOf } from '../../routes';
import { useWorkspace } from '../../session';
import { Notice } from '../agencies/common';
import { DASH } from './common';
import './estates.css';

const STATE_OPTIONS = US_STATES.map((s) => ({ value: s, label: s }));
const months = (n: number) => (n === 1 ? '1 month' : `${n} months`);

export function ProbateRules() {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const rules = useChannelQuery('estates:rules', {});
  const role = useWorkspace((s) => s.session?.user.role ?? 'clerk');
  const canChange = roleAtLeast(role, 'supervisor');
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const rows = rules.value ?? [];
  const inForce = (id: number, state: string) => {
    try {
      return probateRuleFor(rows, state, today).id === id;
    } catch {
      return false;
    }
  };
  return (
    <section className="probate-rules">
      <p className="path">
        <a href={hrefOf('estates')}>Estates</a>
      </p>
      <div className="page-head">
        <h1>Probate rules</h1>
        {canChange && (
          <div className="page-actions">
            <button type="button" onClick={() => setAdding(true)}>
              Add a row…
            </button>
          </div>
        )}
      </div>
      <p className="muted">
        What an estate’s claim deadline and priority class are computed from. The deadline is the later of the months
        after the notice’s first publication and the days after a notice mailed to the hospital, never after the outer
        limit from the death (PR-01, PR-02). A state with no row of its own uses the Uniform Probate Code’s (“*”). A
        change is a new row from a date; earlier rows stay. {canChange ? '' : 'A supervisor adds rows.'}
      </p>
      <Notice message={notice} onDismiss={() => setNotice(null)} />
      <FormAlert message={rules.error} />
      {rules.value && (
        <DataTable
          caption="The probate table by state"
          rows={rows}
          rowKey={(r) => r.id}
          stale={rules.loading}
          empty="The probate table is empty."
          columns={[
            {
              header: 'State',
              rowHeader: true,
              className: 'nowrap',
              cell: (r) => (r.state === UPC_DEFAULT_STATE ? '* (UPC)' : r.state),
            },
            {
              header: 'After publication',
              className: 'nowrap',
              cell: (r) => (
                <>
                  {months(r.noticeMonths)}
                  <div className="muted">published {r.publicationWeeks} weeks</div>
                </>
              ),
            },
            { header: 'After a mailed notice', className: 'nowrap', cell: (r) => `${r.mailedDays} days` },
            { header: 'Outer limit from death', className: 'nowrap', cell: (r) => months(r.outerMonths) },
            {
              header: 'Priority classes',
              className: 'wrap',
              cell: (r) => (
                <>
                  Last illness {r.lastIllnessClass}; others {r.generalClass}
                  {r.finalYearClass !== null && <div>Final year’s care {r.finalYearClass}</div>}
                </>
              ),
            },
            { header: 'Days to sue', className: 'num', cell: (r) => r.suitDays },
            {
              header: 'From',
              className: 'nowrap',
              cell: (r) => (
                <>
                  {formatShortDate(r.effectiveFrom)}
                  <div>
                    {inForce(r.id, r.state) ? (
                      <span className="badge ok">In force</span>
                    ) : r.effectiveFrom > today ? (
                      <span className="muted">Not yet</span>
                    ) : (
                      <span className="muted">Replaced</span>
                    )}
                  </div>
                </>
              ),
            },
            {
              header: 'Source',
              className: 'probate-source',
              cell: (r) => (
                <>
                  {r.source || DASH}
                  {r.note && <div>{r.note}</div>}
                  <div className="muted">
                    {r.recordedBy
                      ? `Added by ${r.recordedBy}, ${formatInstant(r.recordedAt)}`
                      : 'Shipped with Recoup (rules §4)'}
                  </div>
                </>
              ),
            },
          ]}
        />
      )}
      {adding && (
        <ProbateRuleDialog
          onClose={() => setAdding(false)}
          onDone={(m) => {
            setAdding(false);
            setNotice(m);
          }}
        />
      )}
    </section>
  );
}

function ProbateRuleDialog({ onClose, onDone }: { onClose: () => void; onDone: (message: string) => void }) {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const setRule = useChannelMutation('estates:setRule');
  const form = useSchemaForm(probateRuleForm, {
    state: '',
    noticeMonths: '4',
    mailedDays: '60',
    outerMonths: '12',
    publicationWeeks: '3',
    lastIllnessClass: '3',
    generalClass: '6',
    finalYearClass: '',
    suitDays: '60',
    effectiveFrom: today,
    source: '',
    note: '',
  });
  return (
    <DialogForm
      title="Add a row to the probate table"
      form={form}
      fields={[
        'state',
        'noticeMonths',
        'mailedDays',
        'outerMonths',
        'publicationWeeks',
        'lastIllnessClass',
        'generalClass',
        'finalYearClass',
        'suitDays',
        'effectiveFrom',
        'source',
        'note',
      ]}
      submitLabel="Add the row"
      wide
      onClose={onClose}
      onSubmit={async (v) => {
        await setRule.mutateAsync(v);
        onDone(`Row added: ${v.state} from ${formatShortDate(v.effectiveFrom)}. Open estates’ deadlines follow it.`);
      }}
    >
      <p className="muted">
        The figures start as the Uniform Probate Code’s; change what the state’s statute says. The row applies to deaths
        from its date.
      </p>
      <div className="form-grid">
        <SelectField name="state" label="State" placeholder="Choose…" options={STATE_OPTIONS} className="span-2" />
        <TextField name="effectiveFrom" label="Applies from" type="date" className="span-2" />
        <TextField name="publicationWeeks" label="Weeks of publication" className="span-2" />
        <TextField name="noticeMonths" label="Months after publication" className="span-2" />
        <TextField name="mailedDays" label="Days after a mailed notice" className="span-2" />
        <TextField name="outerMonths" label="Months after death (outer limit)" className="span-2" />
        <TextField name="lastIllnessClass" label="Class of the last illness" className="span-2" />
        <TextField name="generalClass" label="Class of other claims" className="span-2" />
        <TextField
          name="finalYearClass"
          label="Class of the final year’s care (optional)"
          hint="Minnesota has one; blank: none."
          className="span-2"
        />
        <TextField name="suitDays" label="Days to sue after a disallowance" className="span-2" />
        <TextField name="source" label="Source" hint="The statute, like 18-A M.R.S. §3-803." className="span-4" />
        <TextAreaField name="note" label="Note (optional)" rows={2} className="span-6" />
      </div>
    </DialogForm>
  );
}
