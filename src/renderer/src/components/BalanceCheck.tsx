// The balance check (supervisors and administrators): every stored balance is recomputed from its
// ledger; any account or guarantor whose stored balance differs is listed.
import { useState } from 'react';
import type { BalanceCheck as Check } from '../../../shared/contract';
import { formatCents } from '../../../shared/money';
import { call, messageOf } from '../api';
import { FormAlert } from './Field';

const count = (n: number, one: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : `${one}s`}`;

function Result({ result }: { result: Check }) {
  if (result.ok) {
    return (
      <div className="verify ok" role="status">
        <strong>
          {result.accountsChecked === 1
            ? 'The 1 account balance agrees with its ledger'
            : `All ${count(result.accountsChecked, 'account balance')} agree with their ledgers`}
        </strong>{' '}
        ({count(result.guarantorsChecked, 'guarantor total')} checked too).
      </div>
    );
  }
  return (
    <div className="verify bad" role="alert">
      <p>
        <strong>
          {count(result.differences.length, 'balance')}{' '}
          {result.differences.length === 1 ? 'does not agree with its ledger.' : 'do not agree with their ledgers.'}
        </strong>{' '}
        Nothing was changed. Tell your administrator before posting more to{' '}
        {result.differences.length === 1 ? 'this record' : 'these records'}.
      </p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Record</th>
            <th scope="col" className="num">
              Stored balance
            </th>
            <th scope="col" className="num">
              From the ledger
            </th>
          </tr>
        </thead>
        <tbody>
          {result.differences.map((d) => (
            <tr key={`${d.kind}-${d.id}`}>
              <td>
                {d.kind === 'account' ? 'Account' : 'Guarantor'} {d.label}
              </td>
              <td className="num">{formatCents(d.storedCents)}</td>
              <td className="num">{formatCents(d.derivedCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function BalanceCheck() {
  const [result, setResult] = useState<Check | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const run = async () => {
    setChecking(true);
    setError(null);
    setResult(null);
    try {
      setResult(await call('ledger:verify', {}));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setChecking(false);
    }
  };
  return (
    <section className="panel wide" aria-labelledby="balance-check">
      <h2 id="balance-check">Balance check</h2>
      <p className="muted">Recomputes every account balance from its ledger and compares it with the stored balance.</p>
      <div className="actions start">
        <button type="button" onClick={() => void run()} disabled={checking}>
          {checking ? 'Checking…' : 'Check balances'}
        </button>
      </div>
      {result && <Result result={result} />}
      <FormAlert message={error} />
    </section>
  );
}
