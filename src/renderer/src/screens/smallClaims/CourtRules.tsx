// The small-claims rules a supervisor keeps (rules §3.1, §3.2): each state's court limits for a
// business plaintiff with their fees, and the statutes of limitation by basis and accrual rule.
// A change is a new row from a date; nothing is deleted, so a past check can be explained.
import { useState } from 'react';
import { formatShortDate } from '../../../../shared/dates';
import { formatCents } from '../../../../shared/money';
import { roleAtLeast } from '../../../../shared/roles';
import {
  ACCRUAL_LABELS,
  ACCRUALS,
  LIMITATION_BASES,
  LIMITATION_BASIS_LABELS,
  type LimitationBasis,
} from '../../../../shared/rules/smallClaims';
import { US_STATES } from '../../../../shared/schemas/hospital';
import { DataTable } from '../../components/DataTable';
import { DialogForm } from '../../components/DialogForm';
import { FormAlert, SelectField, TextField } from '../../components/Field';
import { formatInstant } from '../../format';
import { useSchemaForm } from '../../forms';
import { useChannelMutation, useChannelQuery } from '../../queries';
import { hrefOf } from '../../routes';
import { useWorkspace } from '../../session';
import { Notice } from '../agencies/common';
import { DASH } from './common';
import { LIMIT_ALIASES, limitationForm, limitForm } from '../../../../shared/schemas/smallClaimsForms';

const STATE_OPTIONS = US_STATES.map((s) => ({ value: s, label: s }));

const BASIS_SHORT: Record<LimitationBasis, string> = {
  written: 'Written contract',
  open_account: 'Open account',
  medical_debt: 'Medical debt',
};

/** Who added a row and when; the shipped rows say so. */
function Recorded({ at, by }: { at: string; by: string | null }) {
  return <div className="muted">{by ? `Added by ${by}, ${formatInstant(at)}` : 'Shipped with Recoup (rules §3)'}</div>;
}

export function CourtRules() {
  const rules = useChannelQuery('smallClaims:rules', {});
  const role = useWorkspace((s) => s.session?.user.role ?? 'clerk');
  const canChange = roleAtLeast(role, 'supervisor');
  const [dialog, setDialog] = useState<'limit' | 'limitation' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const done = (message: string) => {
    setDialog(null);
    setNotice(message);
  };
  const r = rules.value;
  return (
    <section className="court-rules">
      <p className="path">
        <a href={hrefOf('smallClaims')}>Small claims</a>
      </p>
      <div className="page-head">
        <h1>Small-claims rules</h1>
        {canChange && (
          <div className="page-actions">
            <button type="button" onClick={() => setDialog('limit')}>
              Add a court limit…
            </button>
            <button type="button" onClick={() => setDialog('limitation')}>
              Add a statute of limitations…
            </button>
          </div>
        )}
      </div>
      <p className="muted">
        What “Should we sue?” checks against. A change is a new row from a date; earlier rows stay, so a past answer can
        be explained. {canChange ? '' : 'A supervisor adds rows.'}
      </p>
      <Notice message={notice} onDismiss={() => setNotice(null)} />
      <FormAlert message={rules.error} />
      {r && (
        <>
          <section className="ws-section" aria-labelledby="rules-limits">
            <h2 id="rules-limits">Small-claims limits</h2>
            <DataTable
              caption="Small-claims limits by state and court"
              rows={r.limits}
              rowKey={(l) => l.id}
              stale={rules.loading}
              empty="No limit is on file."
              columns={[
                { header: 'State', rowHeader: true, className: 'nowrap', cell: (l) => l.state },
                { header: 'Court', className: 'wrap', cell: (l) => l.court },
                { header: 'Business plaintiff', className: 'num', cell: (l) => formatCents(l.entityLimitCents) },
                {
                  header: 'A person',
                  className: 'num',
                  cell: (l) => (l.individualLimitCents === null ? DASH : formatCents(l.individualLimitCents)),
                },
                {
                  header: 'Large claims a year',
                  className: 'wrap',
                  cell: (l) =>
                    l.largeClaimCents === null
                      ? DASH
                      : `${l.largeClaimsPerYear} over ${formatCents(l.largeClaimCents)}`,
                },
                { header: 'Filing fee', className: 'num', cell: (l) => formatCents(l.filingFeeCents) },
                { header: 'Service fee', className: 'num', cell: (l) => formatCents(l.serviceFeeCents) },
                {
                  header: 'From',
                  className: 'nowrap',
                  cell: (l) => (
                    <>
                      {formatShortDate(l.effectiveFrom)}{' '}
                      {l.inForce ? <span className="badge ok">In force</span> : <span className="muted">Replaced</span>}
                    </>
                  ),
                },
                {
                  header: 'Source',
                  className: 'wrap',
                  cell: (l) => (
                    <>
                      {l.source || DASH}
                      <Recorded at={l.recordedAt} by={l.recordedBy} />
                    </>
                  ),
                },
              ]}
            />
          </section>
          <section className="ws-section" aria-labelledby="rules-limitations">
            <h2 id="rules-limitations">Statutes of limitation</h2>
            <DataTable
              caption="Statutes of limitation by state and basis"
              rows={r.limitations}
              rowKey={(l) => l.id}
              stale={rules.loading}
              empty="No statute of limitations is on file."
              columns={[
                { header: 'State', rowHeader: true, className: 'nowrap', cell: (l) => l.state },
                { header: 'Basis', className: 'wrap', cell: (l) => BASIS_SHORT[l.basis] },
                { header: 'Years', className: 'num', cell: (l) => l.years },
                { header: 'The period runs', className: 'wrap', cell: (l) => ACCRUAL_LABELS[l.accrual] },
                {
                  header: 'For claims accrued from',
                  className: 'nowrap',
                  cell: (l) => (l.accruedFrom <= '1900-01-01' ? 'Any date' : formatShortDate(l.accruedFrom)),
                },
                {
                  header: 'Source',
                  className: 'wrap',
                  cell: (l) => (
                    <>
                      {l.source || DASH}
                      <Recorded at={l.recordedAt} by={l.recordedBy} />
                    </>
                  ),
                },
              ]}
            />
          </section>
        </>
      )}
      {dialog === 'limit' && <LimitDialog onClose={() => setDialog(null)} onDone={done} />}
      {dialog === 'limitation' && <LimitationDialog onClose={() => setDialog(null)} onDone={done} />}
    </section>
  );
}

function LimitDialog({ onClose, onDone }: { onClose: () => void; onDone: (message: string) => void }) {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const setLimit = useChannelMutation('smallClaims:setLimit');
  const form = useSchemaForm(limitForm, {
    state: '',
    court: '',
    entityLimit: '',
    individualLimit: '',
    largeClaim: '',
    largeClaimsPerYear: '',
    filingFee: '',
    serviceFee: '',
    effectiveFrom: today,
    source: '',
  });
  return (
    <DialogForm
      title="Add a court limit"
      form={form}
      fields={[
        'state',
        'court',
        'entityLimit',
        'individualLimit',
        'largeClaim',
        'largeClaimsPerYear',
        'filingFee',
        'serviceFee',
        'effectiveFrom',
        'source',
      ]}
      aliases={LIMIT_ALIASES}
      submitLabel="Add the limit"
      wide
      onClose={onClose}
      onSubmit={async (v) => {
        await setLimit.mutateAsync({
          state: v.state,
          court: v.court,
          entityLimitCents: v.entityLimit,
          individualLimitCents: v.individualLimit,
          largeClaimCents: v.largeClaim,
          largeClaimsPerYear: v.largeClaimsPerYear,
          filingFeeCents: v.filingFee,
          serviceFeeCents: v.serviceFee,
          effectiveFrom: v.effectiveFrom,
          source: v.source,
        });
        onDone(
          `Limit added: ${v.state}, ${v.court}, ${formatCents(v.entityLimit)} from ${formatShortDate(v.effectiveFrom)}.`,
        );
      }}
    >
      <p className="muted">
        A court of a state whose limit changes gets a new row from the date it changes; the earlier row answers for the
        days before.
      </p>
      <div className="form-grid">
        <SelectField name="state" label="State" placeholder="Choose…" options={STATE_OPTIONS} className="span-2" />
        <TextField name="court" label="Court" hint="Like Small claims court." className="span-4" />
        <TextField name="entityLimit" label="Limit for a business plaintiff ($)" money className="span-2" />
        <TextField
          name="individualLimit"
          label="Limit for a person ($, optional)"
          money
          className="span-2"
          hint="Shown for reference; the hospital sues as a business."
        />
        <TextField name="effectiveFrom" label="Applies from" type="date" className="span-2" />
        <TextField
          name="largeClaim"
          label="Large-claim threshold ($, optional)"
          money
          className="span-3"
          hint="California: claims over $2,500 are limited to two a year."
        />
        <TextField name="largeClaimsPerYear" label="Large claims a year (optional)" className="span-3" />
        <TextField name="filingFee" label="Filing fee ($)" money className="span-2" />
        <TextField name="serviceFee" label="Service fee ($)" money className="span-2" />
        <TextField name="source" label="Source (optional)" hint="The statute or rule." className="span-6" />
      </div>
    </DialogForm>
  );
}

function LimitationDialog({ onClose, onDone }: { onClose: () => void; onDone: (message: string) => void }) {
  const setLimitation = useChannelMutation('smallClaims:setLimitation');
  const form = useSchemaForm(limitationForm, {
    state: '',
    basis: '',
    years: '',
    accrual: '',
    accruedFrom: '',
    source: '',
  });
  return (
    <DialogForm
      title="Add a statute of limitations"
      form={form}
      fields={['state', 'basis', 'years', 'accrual', 'accruedFrom', 'source']}
      submitLabel="Add the statute"
      wide
      onClose={onClose}
      onSubmit={async (v) => {
        await setLimitation.mutateAsync(v);
        onDone(
          `Statute of limitations added: ${v.state}, ${LIMITATION_BASIS_LABELS[v.basis].toLowerCase()}, ${v.years} years.`,
        );
      }}
    >
      <p className="muted">
        A medical-debt row governs whatever the claim rests on (New York, CPLR 213-d). A law that changes for claims
        accrued after a date (Ohio, 2021) is a new row from that date.
      </p>
      <div className="form-grid">
        <SelectField name="state" label="State" placeholder="Choose…" options={STATE_OPTIONS} className="span-2" />
        <SelectField
          name="basis"
          label="Basis"
          placeholder="Choose…"
          options={LIMITATION_BASES.map((b) => ({ value: b, label: LIMITATION_BASIS_LABELS[b] }))}
          className="span-4"
        />
        <TextField name="years" label="Years" className="span-2" />
        <SelectField
          name="accrual"
          label="The period runs"
          placeholder="Choose…"
          options={ACCRUALS.map((a) => ({ value: a, label: ACCRUAL_LABELS[a] }))}
          className="span-4"
        />
        <TextField
          name="accruedFrom"
          label="For claims accrued from"
          type="date"
          hint="1900-01-01 for every claim."
          className="span-3"
        />
        <TextField name="source" label="Source (optional)" className="span-3" />
      </div>
    </DialogForm>
  );
}
