// The three roles, in increasing power. A channel names the least role that may call it.
export const ROLES = ['clerk', 'supervisor', 'administrator'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  clerk: 'Clerk',
  supervisor: 'Supervisor',
  administrator: 'Administrator',
};

export function roleAtLeast(role: Role, least: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(least);
}
