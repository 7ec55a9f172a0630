// The data folder or database cannot be used: say what is wrong and where, in plain words.
import { useState } from 'react';
import type { StoreProblem as Problem } from '../../../shared/contract';
import { messageOf } from '../api';
import { refreshStatus } from '../actions';
import { FormAlert } from '../components/Field';
import { RestoreDamaged } from './RestoreDamaged';

export function StoreProblem({ problem }: { problem: Problem }) {
  const [error, setError] = useState<string | null>(null);
  const retry = async () => {
    setError(null);
    try {
      await refreshStatus();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const damaged = problem.kind === 'database_corrupt';
  return (
    <main className="page-centered">
      <div className="card">
        <p className="brand">Recoup</p>
        <h1>{damaged ? 'The database is damaged' : 'Recoup cannot open its data'}</h1>
        <p className="problem">{problem.message}</p>
        <dl className="facts">
          <dt>Data folder</dt>
          <dd>
            <code>{problem.dataDir}</code>
          </dd>
        </dl>
        {problem.detail && (
          <details>
            <summary>What the database reported (for IT staff)</summary>
            <pre className="mono">{problem.detail}</pre>
          </details>
        )}
        {damaged ? (
          <RestoreDamaged />
        ) : (
          <p>
            Recoup has changed nothing in the folder. Once the problem is fixed (or your administrator has fixed it),
            try again.
          </p>
        )}
        <FormAlert message={error} />
        <div className="actions start">
          <button type="button" className="primary" onClick={() => void retry()}>
            Try again
          </button>
        </div>
      </div>
    </main>
  );
}

/** The workspace server did not answer the very first call. */
export function NotAnswering({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <main className="page-centered">
      <div className="card">
        <p className="brand">Recoup</p>
        <h1>Recoup is not answering</h1>
        <p className="problem" role="alert">
          {message}
        </p>
        <div className="actions start">
          <button type="button" className="primary" onClick={onRetry}>
            Try again
          </button>
        </div>
      </div>
    </main>
  );
}

/** A browser tab opened without the workspace server's address (its one-time token). */
export function WithoutToken() {
  return (
    <main className="page-centered">
      <div className="card">
        <p className="brand">Recoup</p>
        <h1>Open Recoup from its own address</h1>
        <p className="problem" role="alert">
          This page was opened without the address Recoup printed when it started, so it cannot reach your data.
        </p>
        <p>
          Use the address shown by the Recoup workspace server (it begins with <code>http://127.0.0.1:</code> and ends
          with <code>?token=…</code>), in the same browser tab. Each start of Recoup prints a new one.
        </p>
      </div>
    </main>
  );
}
