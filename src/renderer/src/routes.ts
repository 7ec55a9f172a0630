// The workspace's places, in the address's #fragment: moving between them never reloads the page,
// so the in-memory session survives. Each place says the least role that may open it. One place
// carries a record: a guarantor's account workspace is `#/accounts/<guarantor id>`.
import { useSyncExternalStore } from 'react';
import type { Role } from '../../shared/roles';

export const PLACES = {
  queue: { path: '/queue', label: 'Work queue', least: 'clerk' },
  home: { path: '/', label: 'Home', least: 'clerk' },
  account: { path: '/accounts', label: 'Account', least: 'clerk' },
  import: { path: '/import', label: 'Import', least: 'clerk' },
  aging: { path: '/aging', label: 'Aging report', least: 'clerk' },
  statements: { path: '/statements', label: 'Statements', least: 'clerk' },
  compliance: { path: '/compliance', label: 'Compliance', least: 'clerk' },
  agencies: { path: '/agencies', label: 'Agencies', least: 'clerk' },
  placement: { path: '/placement', label: 'Placement', least: 'clerk' },
  placed: { path: '/placed', label: 'Placed accounts', least: 'clerk' },
  remittances: { path: '/remittances', label: 'Remittances', least: 'clerk' },
  scorecard: { path: '/scorecard', label: 'Agency scorecard', least: 'clerk' },
  smallClaims: { path: '/small-claims', label: 'Small claims', least: 'clerk' },
  courtRules: { path: '/court-rules', label: 'Small-claims rules', least: 'clerk' },
  estates: { path: '/estates', label: 'Estates', least: 'clerk' },
  probateRules: { path: '/probate-rules', label: 'Probate rules', least: 'clerk' },
  era: { path: '/era', label: 'Insurance payments (835)', least: 'clerk' },
  badDebt: { path: '/bad-debt', label: 'Medicare bad debt', least: 'clerk' },
  payroll: { path: '/payroll', label: 'Payroll deductions', least: 'clerk' },
  obstetrics: { path: '/obstetrics', label: 'Obstetrics', least: 'clerk' },
  users: { path: '/users', label: 'Users', least: 'administrator' },
  audit: { path: '/audit', label: 'Audit log', least: 'administrator' },
  settings: { path: '/settings', label: 'Settings', least: 'clerk' },
  backup: { path: '/backup', label: 'Backup & restore', least: 'administrator' },
  password: { path: '/password', label: 'My password', least: 'clerk' },
} as const satisfies Record<string, { path: string; label: string; least: Role }>;

export type Place = keyof typeof PLACES;

/**
 * The places in the navigation, in order (an account is reached by search, not from the list).
 * The day's work queue comes first: it is where a clerk's morning starts.
 */
export const PLACE_ORDER: readonly Place[] = [
  'queue',
  'home',
  'import',
  'statements',
  'aging',
  'compliance',
  'agencies',
  'placement',
  'placed',
  'remittances',
  'scorecard',
  'smallClaims',
  'courtRules',
  'estates',
  'probateRules',
  'era',
  'badDebt',
  'payroll',
  'obstetrics',
  'users',
  'audit',
  'settings',
  'backup',
  'password',
];

const ACCOUNT_PATH = /^\/accounts\/([1-9]\d{0,15})$/;
/** An agency's page: `#/agencies/<agency id>`. */
const AGENCY_PATH = /^\/agencies\/([1-9]\d{0,15})$/;
/** A small-claims case's page: `#/small-claims/<case id>`. */
const CASE_PATH = /^\/small-claims\/([1-9]\d{0,15})$/;
/** An estate's page: `#/estates/<estate id>`. */
const ESTATE_PATH = /^\/estates\/([1-9]\d{0,15})$/;
/** An OB case's page: `#/obstetrics/<case id>`; the interview: `#/obstetrics/new` or `#/obstetrics/new/<guarantor id>`. */
const OB_CASE_PATH = /^\/obstetrics\/([1-9]\d{0,15})$/;
const OB_INTERVIEW_PATH = /^\/obstetrics\/new(?:\/([1-9]\d{0,15}))?$/;

function pathOf(hash: string): string {
  return hash.replace(/^#/, '') || '/';
}

function placeOf(hash: string): Place {
  const path = pathOf(hash);
  if (ACCOUNT_PATH.test(path)) return 'account';
  if (AGENCY_PATH.test(path)) return 'agencies';
  if (CASE_PATH.test(path)) return 'smallClaims';
  if (ESTATE_PATH.test(path)) return 'estates';
  if (OB_CASE_PATH.test(path) || OB_INTERVIEW_PATH.test(path)) return 'obstetrics';
  return PLACE_ORDER.find((p) => PLACES[p].path === path) ?? 'home';
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function usePlace(): Place {
  return useSyncExternalStore(subscribe, () => placeOf(window.location.hash));
}

/** The guarantor of the open account workspace, or null elsewhere. */
export function useGuarantorId(): number | null {
  return useSyncExternalStore(subscribe, () => {
    const m = ACCOUNT_PATH.exec(pathOf(window.location.hash));
    return m ? Number(m[1]) : null;
  });
}

/** The agency whose page is open, or null (the list, or elsewhere). */
export function useAgencyId(): number | null {
  return useSyncExternalStore(subscribe, () => {
    const m = AGENCY_PATH.exec(pathOf(window.location.hash));
    return m ? Number(m[1]) : null;
  });
}

/** The small-claims case whose page is open, or null (the list, or elsewhere). */
export function useCaseId(): number | null {
  return useSyncExternalStore(subscribe, () => {
    const m = CASE_PATH.exec(pathOf(window.location.hash));
    return m ? Number(m[1]) : null;
  });
}

/** The estate whose page is open, or null (the list, or elsewhere). */
export function useEstateId(): number | null {
  return useSyncExternalStore(subscribe, () => {
    const m = ESTATE_PATH.exec(pathOf(window.location.hash));
    return m ? Number(m[1]) : null;
  });
}

/** The Obstetrics screen's view: the list, one case, or the interview (for a guarantor, or a new patient). */
export function useObView():
  { kind: 'list' } | { kind: 'case'; caseId: number } | { kind: 'interview'; guarantorId: number | null } {
  const path = useSyncExternalStore(subscribe, () => pathOf(window.location.hash));
  const c = OB_CASE_PATH.exec(path);
  if (c) return { kind: 'case', caseId: Number(c[1]) };
  const i = OB_INTERVIEW_PATH.exec(path);
  if (i) return { kind: 'interview', guarantorId: i[1] ? Number(i[1]) : null };
  return { kind: 'list' };
}

export function openObCase(caseId: number): void {
  window.location.hash = `${PLACES.obstetrics.path}/${caseId}`;
}

export function estateHref(estateId: number): string {
  return `#${PLACES.estates.path}/${estateId}`;
}

export function caseHref(caseId: number): string {
  return `#${PLACES.smallClaims.path}/${caseId}`;
}

export function agencyHref(agencyId: number): string {
  return `#${PLACES.agencies.path}/${agencyId}`;
}

export function hrefOf(place: Place): string {
  return `#${PLACES[place].path}`;
}

export function goTo(place: Place): void {
  if (placeOf(window.location.hash) !== place) window.location.hash = PLACES[place].path;
}

export function openGuarantor(guarantorId: number): void {
  window.location.hash = `${PLACES.account.path}/${guarantorId}`;
}

export function openEstate(estateId: number): void {
  window.location.hash = `${PLACES.estates.path}/${estateId}`;
}

export function openCase(caseId: number): void {
  window.location.hash = `${PLACES.smallClaims.path}/${caseId}`;
}
