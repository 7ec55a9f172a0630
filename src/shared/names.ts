// What a person is called, defined once: on documents and screens ("Jane Q Smith"), and in lists
// sorted by surname ("Smith, Jane Q."). Every place that shows a guarantor's name uses these.

import { writtenUnspaced } from './nameTokens';

export interface PersonName {
  firstName: string;
  middleName: string;
  lastName: string;
}

/** A Chinese, Japanese or Korean name: family name first, no spaces ("王小明", "山田太郎", "김민준"). */
function asWrittenInOrder(n: PersonName): string | null {
  const parts = [n.lastName, n.firstName, n.middleName].map((p) => p.trim()).filter((p) => p !== '');
  return parts.length > 0 && parts.every(writtenUnspaced) ? parts.join('') : null;
}

/**
 * "Jane Quinn Smith": first, middle (when there is one) and last, as documents print it; a
 * Chinese, Japanese or Korean name as it is written, family name first without spaces ("王小明").
 */
export function fullName(n: PersonName): string {
  return asWrittenInOrder(n) ?? [n.firstName, n.middleName, n.lastName].filter((part) => part.trim() !== '').join(' ');
}

/** "Smith, Jane Q.": surname first with the middle initial, for lists and search results ("王小明" as written). */
export function sortedName(n: PersonName): string {
  const written = asWrittenInOrder(n);
  if (written) return written;
  const middle = n.middleName.trim() ? ` ${n.middleName.trim().charAt(0)}.` : '';
  return `${n.lastName}, ${n.firstName}${middle}`;
}
