// The workspace's places, in the address's #fragment: moving between them never reloads the page,
// so the in-memory session survives. Each place says the least role that may open it.
import { useSyncExternalStore } from 'react';
import type { Role } from '../../shared/roles';

export const PLACES = {
  home: { path: '/', label: 'Home', least: 'clerk' },
  users: { path: '/users', label: 'Users', least: 'administrator' },
  audit: { path: '/audit', label: 'Audit log', least: 'administrator' },
  settings: { path: '/settings', label: 'Settings', least: 'clerk' },
  backup: { path: '/backup', label: 'Backup & restore', least: 'administrator' },
  password: { path: '/password', label: 'My password', least: 'clerk' },
} as const satisfies Record<string, { path: string; label: string; least: Role }>;

export type Place = keyof typeof PLACES;

export const PLACE_ORDER: readonly Place[] = ['home', 'users', 'audit', 'settings', 'backup', 'password'];

function placeOf(hash: string): Place {
  const path = hash.replace(/^#/, '') || '/';
  return PLACE_ORDER.find((p) => PLACES[p].path === path) ?? 'home';
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function usePlace(): Place {
  return useSyncExternalStore(subscribe, () => placeOf(window.location.hash));
}

export function hrefOf(place: Place): string {
  return `#${PLACES[place].path}`;
}

export function goTo(place: Place): void {
  if (placeOf(window.location.hash) !== place) window.location.hash = PLACES[place].path;
}
