// What a person is called, defined once: on documents and screens ("Jane Q Smith"), and in lists
// sorted by surname ("Smith, Jane Q."). Every place that shows a guarantor's name uses these.

export interface PersonName {
  firstName: string;
  middleName: string;
  lastName: string;
}

/** "Jane Quinn Smith": first, middle (when there is one) and last, as documents print it. */
export function fullName(n: PersonName): string {
  return [n.firstName, n.middleName, n.lastName].filter((part) => part.trim() !== '').join(' ');
}

/** "Smith, Jane Q.": surname first with the middle initial, for lists and search results. */
export function sortedName(n: PersonName): string {
  const middle = n.middleName.trim() ? ` ${n.middleName.trim().charAt(0)}.` : '';
  return `${n.lastName}, ${n.firstName}${middle}`;
}
