// The workspace after log-in: the header (hospital, guarantor search, business date, who is
// working), the places this user's role may open, and the open place.
import { useEffect } from 'react';
import { focusIsLost, focusMainHeading } from '../focus';
import type { SessionInfo } from '../../../shared/contract';
import { formatLongDate } from '../../../shared/dates';
import { roleAtLeast, ROLE_LABELS } from '../../../shared/roles';
import { lockNow, logOut } from '../actions';
import { focusSearch, GuarantorSearch } from '../components/GuarantorSearch';
import { useIdleLock } from '../idleLock';
import { useChannelQuery } from '../queries';
import { hrefOf, PLACE_ORDER, PLACES, usePlace, type Place } from '../routes';
import { useWorkspace } from '../session';
import { AccountWorkspace } from './account/AccountWorkspace';
import { AgingReport } from './AgingReport';
import { AuditLog } from './AuditLog';
import { Backups } from './Backups';
import { Home } from './Home';
import { ImportWizard } from './import/ImportWizard';
import { MyPassword } from './MyPassword';
import { WorkQueue } from './queue/WorkQueue';
import { Settings } from './Settings';
import { Statements } from './statements/Statements';
import { Compliance } from './compliance/Compliance';
import { Agencies } from './agencies/Agencies';
import { PlacedAccounts } from './agencies/PlacedAccounts';
import { Placement } from './agencies/Placement';
import { Remittances } from './agencies/Remittances';
import { Scorecard } from './agencies/Scorecard';
import { Users } from './Users';
import { CourtRules } from './smallClaims/CourtRules';
import { SmallClaims } from './smallClaims/SmallClaims';
import { Estates } from './estates/Estates';
import { ProbateRules } from './estates/ProbateRules';
import { EraRemittances } from './badDebt/EraRemittances';
import { BadDebt } from './badDebt/BadDebt';
import { Payroll } from './payroll/Payroll';
import { Obstetrics } from './obstetrics/Obstetrics';

function PlaceView({ place }: { place: Place }) {
  switch (place) {
    case 'queue':
      return <WorkQueue />;
    case 'home':
      return <Home />;
    case 'account':
      return <AccountWorkspace />;
    case 'import':
      return <ImportWizard />;
    case 'aging':
      return <AgingReport />;
    case 'statements':
      return <Statements />;
    case 'compliance':
      return <Compliance />;
    case 'agencies':
      return <Agencies />;
    case 'placement':
      return <Placement />;
    case 'placed':
      return <PlacedAccounts />;
    case 'remittances':
      return <Remittances />;
    case 'scorecard':
      return <Scorecard />;
    case 'smallClaims':
      return <SmallClaims />;
    case 'courtRules':
      return <CourtRules />;
    case 'estates':
      return <Estates />;
    case 'probateRules':
      return <ProbateRules />;
    case 'era':
      return <EraRemittances />;
    case 'badDebt':
      return <BadDebt />;
    case 'payroll':
      return <Payroll />;
    case 'obstetrics':
      return <Obstetrics />;
    case 'users':
      return <Users />;
    case 'audit':
      return <AuditLog />;
    case 'settings':
      return <Settings />;
    case 'backup':
      return <Backups />;
    case 'password':
      return <MyPassword />;
  }
}

const ROLE_PLURALS = {
  clerk: 'everyone',
  supervisor: 'supervisors and administrators',
  administrator: 'administrators',
};

/** A place the role may not open: said plainly (main refuses the calls with `forbidden` too). */
function NotAllowed({ place }: { place: Place }) {
  return (
    <section>
      <h1>{PLACES[place].label}</h1>
      <div className="form-alert" role="alert">
        Your role does not allow this. {PLACES[place].label} is for {ROLE_PLURALS[PLACES[place].least]}; ask an
        administrator if you need something here.
      </div>
    </section>
  );
}

export function Shell({ session }: { session: SessionInfo }) {
  const place = usePlace();
  const status = useWorkspace((s) => s.status);
  // The hospital's legal name for the header; read again when Settings change it.
  const hospitalName = useChannelQuery('settings:get', {}).value?.hospital.legalName ?? null;
  const { user } = session;
  useIdleLock(session.idleLockMinutes, !session.locked);

  useEffect(() => {
    document.title = `${PLACES[place].label} — Recoup`;
    return () => {
      document.title = 'Recoup';
    };
  }, [place]);

  // Ctrl+K: find a guarantor from anywhere in the workspace.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        focusSearch();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // After log-in (or unlock) the cursor starts at the work, not at the top of the page — unless
  // the person has already put it somewhere (Ctrl+K, a click).
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      if (focusIsLost()) focusMainHeading();
    });
    return () => cancelAnimationFrame(frame);
  }, []);

  const places = PLACE_ORDER.filter((p) => roleAtLeast(user.role, PLACES[p].least));
  const allowed = roleAtLeast(user.role, PLACES[place].least);

  return (
    <div className="shell">
      {/* WCAG 2.4.1: past the header and the navigation, straight to the work. */}
      <a
        className="skip-link"
        href="#main-content"
        onClick={(e) => {
          e.preventDefault();
          focusMainHeading();
        }}
      >
        Skip to the work area
      </a>
      <header className="topbar">
        <div className="topbar-hospital">
          <span className="brand">Recoup</span>
          <span className="hospital-name" title={hospitalName ?? undefined}>
            {hospitalName ?? ' '}
          </span>
        </div>
        <GuarantorSearch />
        {status && (
          <div className="topbar-date">
            <span className="muted">Business date</span> <strong>{formatLongDate(status.today)}</strong>
            {status.todayIsFixed && (
              <span className="badge warn" title="The business date is fixed by RECOUP_TODAY, not the calendar.">
                Fixed date
              </span>
            )}
          </div>
        )}
        <div className="topbar-user">
          <span>
            <strong>{user.fullName}</strong> <span className="muted">{ROLE_LABELS[user.role]}</span>
          </span>
          <button type="button" onClick={() => void lockNow()}>
            Lock
          </button>
          <button type="button" onClick={() => void logOut()}>
            Log out
          </button>
        </div>
      </header>
      <div className="shell-body">
        <nav className="sidenav" aria-label="Workspace">
          <ul>
            {places.flatMap((p) => [
              <li key={p}>
                <a href={hrefOf(p)} aria-current={p === place ? 'page' : undefined}>
                  {PLACES[p].label}
                </a>
              </li>,
              // Search is not a page: it puts the cursor in the header's search box.
              ...(p === 'home'
                ? [
                    <li key="search">
                      <button type="button" className="nav-button" onClick={focusSearch}>
                        Search <kbd>Ctrl+K</kbd>
                      </button>
                    </li>,
                  ]
                : []),
            ])}
          </ul>
        </nav>
        <main className="content" id="main-content" tabIndex={-1}>
          {/* Background failures an administrator must hear of (a daily backup that failed). */}
          {status && status.notices.length > 0 && (
            <div className="form-alert" role="alert" aria-label="Notices for administrators">
              {status.notices.map((n) => (
                <p key={n}>{n}</p>
              ))}
            </div>
          )}
          {allowed ? <PlaceView place={place} /> : <NotAllowed place={place} />}
        </main>
      </div>
    </div>
  );
}
