// Which screen the workspace shows: decided by app:status (set-up, store problem, ready) and by
// the session (log in, locked, the shell).
import { useCallback, useEffect, useState } from 'react';
import { ApiError, messageOf } from './api';
import { refreshStatus } from './actions';
import { useWorkspace } from './session';
import { Lock } from './screens/Lock';
import { LogIn } from './screens/LogIn';
import { SetUp } from './screens/SetUp';
import { Shell } from './screens/Shell';
import { NotAnswering, StoreProblem, WithoutToken } from './screens/StoreProblem';

export function App() {
  const status = useWorkspace((s) => s.status);
  const session = useWorkspace((s) => s.session);
  const [startError, setStartError] = useState<unknown>(null);

  const start = useCallback(() => {
    refreshStatus().then(
      () => setStartError(null),
      (e: unknown) => setStartError(e),
    );
  }, []);
  useEffect(start, [start]);

  if (!status) {
    if (startError instanceof ApiError && startError.code === 'bad_transport') return <WithoutToken />;
    if (startError) return <NotAnswering message={messageOf(startError)} onRetry={start} />;
    return (
      <main className="page-centered">
        <p className="loading" role="status">
          Opening Recoup…
        </p>
      </main>
    );
  }
  if (status.state === 'store_problem' && status.problem) return <StoreProblem problem={status.problem} />;
  if (status.state === 'needs_setup') return <SetUp />;
  if (!session) return <LogIn />;
  // The shell stays mounted under the lock screen, hidden and inert, so unsaved work survives.
  return (
    <>
      <div className="shell-holder" hidden={session.locked} inert={session.locked}>
        <Shell session={session} />
      </div>
      {session.locked && <Lock fullName={session.user.fullName} />}
    </>
  );
}
