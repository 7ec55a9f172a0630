// The top of the account workspace: who the guarantor is, how to reach them, the flags that
// change what the clerk may do (deceased, bankruptcy, do-not-contact, financial assistance), and
// what they owe in total and by age.
import { useEffect, useRef } from 'react';
import { formatShortDate } from '../../../../shared/dates';
import { formatCents } from '../../../../shared/money';
import { AGING_BUCKETS, AGING_COLUMN_LABELS } from '../../../../shared/rules/aging';
import { documentLanguage, DOCUMENT_LANGUAGE_NAMES } from '../../../../shared/rules/documentLanguage';
import { FAP_STATUS_LABELS, type GuarantorHeader as Guarantor } from '../../../../shared/schemas/accounts';
import { formatPhone } from '../../format';

function Flags({ g }: { g: Guarantor }) {
  const fapTone =
    g.fapStatus === 'approved_full' || g.fapStatus === 'approved_partial' || g.fapStatus === 'pending' ? 'warn' : '';
  return (
    <ul className="flags" aria-label="Flags">
      {g.deceased && (
        <li className="badge bad">
          Deceased{g.deceased.dateOfDeath ? ` ${formatShortDate(g.deceased.dateOfDeath)}` : ''}
          {g.deceased.source ? ` (${g.deceased.source})` : ''}
        </li>
      )}
      {g.bankruptcy && <li className="badge bad">Bankruptcy</li>}
      {g.employee && <li className="badge info">Hospital employee</li>}
      <li className={`badge ${fapTone}`}>
        Financial assistance: {FAP_STATUS_LABELS[g.fapStatus]}
        {g.fapStatusDate ? `, since ${formatShortDate(g.fapStatusDate)}` : ''}
      </li>
      {g.doNotCall && <li className="badge warn">Do not call</li>}
      {g.doNotMail && <li className="badge warn">Do not mail</li>}
      {g.doNotEmail && <li className="badge warn">Do not e-mail</li>}
    </ul>
  );
}

function addressLines(g: Guarantor): string[] {
  const a = g.address;
  const cityLine = [a.city, [a.state, a.zip].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return [a.line1, a.line2, cityLine].filter(Boolean);
}

function employeeLine(e: NonNullable<Guarantor['employee']>): string {
  const parts = [e.employeeId ? `Employee id ${e.employeeId}` : null, e.payFrequency ? `paid ${e.payFrequency}` : null];
  if (e.hourlyRateCents !== null) parts.push(`${formatCents(e.hourlyRateCents)} an hour`);
  if (e.annualSalaryCents !== null) parts.push(`${formatCents(e.annualSalaryCents)} a year`);
  return parts.filter(Boolean).join(', ');
}

const none = <span className="muted">—</span>;

export function GuarantorHeader({ guarantor: g, onPostPayment }: { guarantor: Guarantor; onPostPayment: () => void }) {
  const address = addressLines(g);
  // Opening a guarantor (from search) puts the focus on their name, where reading begins.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (document.activeElement === document.body) heading.current?.focus();
  }, []);
  return (
    <header className="guarantor">
      <div className="guarantor-who">
        <h1 ref={heading} tabIndex={-1}>
          {g.name}
        </h1>
        <p className="guarantor-ids">
          <span>Born {g.dateOfBirth ? formatShortDate(g.dateOfBirth) : '—'}</span>
          <span>MRN {g.mrn ?? '—'}</span>
          <span>Guarantor id {g.externalId ?? g.id}</span>
        </p>
        <Flags g={g} />
      </div>
      <div className="guarantor-owes">
        <p className="owes-label">Total balance</p>
        <p className="owes-total">{formatCents(g.balanceCents)}</p>
        <button type="button" className="primary" onClick={onPostPayment}>
          Post payment…
        </button>
      </div>
      <dl className="contact">
        <div>
          <dt>Address</dt>
          <dd>{address.length ? address.map((line) => <div key={line}>{line}</div>) : none}</dd>
        </div>
        <div>
          <dt>Phone</dt>
          <dd>{g.phone ? formatPhone(g.phone) : none}</dd>
        </div>
        <div>
          <dt>E-mail</dt>
          <dd className="wrap">{g.email || none}</dd>
        </div>
        <div>
          <dt>Language</dt>
          <dd>
            {g.language || none}
            {/* LANG-01: the language the guarantor's statements, letters and receipts print in. */}
            <div className="muted">Documents print in {DOCUMENT_LANGUAGE_NAMES[documentLanguage(g.language)]}</div>
          </dd>
        </div>
        <div>
          <dt>Employer</dt>
          <dd>
            {g.employer || none}
            {g.employee && <div className="muted">{employeeLine(g.employee)}</div>}
          </dd>
        </div>
      </dl>
      <table className="aging-strip">
        <caption className="visually-hidden">Open balance by days since service</caption>
        <thead>
          <tr>
            <th scope="col">Days since service</th>
            {AGING_BUCKETS.map((b) => (
              <th key={b} scope="col" className="num">
                {AGING_COLUMN_LABELS[b]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Balance</th>
            {AGING_BUCKETS.map((b) => (
              <td key={b} className={g.aging[b] === 0 ? 'num zero' : 'num'}>
                {formatCents(g.aging[b])}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </header>
  );
}
