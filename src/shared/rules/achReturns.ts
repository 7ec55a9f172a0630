// NACHA return codes a bank sends back for an automatic bank transfer's debit (issue 16), each with
// what it means in words a clerk can read, and whether it means the authorization is gone: then
// the arrangement ends ('stopped') and nothing more is debited until the guarantor signs again.
// Source: the NACHA Operating Rules' return reason codes (Appendix Four).

export interface AchReturn {
  label: string;
  /** The authorization (or the account) is gone: stop debiting. */
  endsAuthorization: boolean;
}

export const ACH_RETURNS: Readonly<Record<string, AchReturn>> = {
  R01: { label: 'Insufficient funds', endsAuthorization: false },
  R02: { label: 'Account closed', endsAuthorization: true },
  R03: { label: 'No account, or the account cannot be located', endsAuthorization: true },
  R04: { label: 'Invalid account number', endsAuthorization: true },
  R05: { label: 'Unauthorized debit to a consumer account using a corporate SEC code', endsAuthorization: false },
  R06: { label: 'Returned at the originating bank’s request', endsAuthorization: false },
  R07: { label: 'Authorization revoked by the customer', endsAuthorization: true },
  R08: { label: 'Payment stopped', endsAuthorization: true },
  R09: { label: 'Uncollected funds', endsAuthorization: false },
  R10: { label: 'Customer advises the debit was not authorized', endsAuthorization: true },
  R11: { label: 'Customer advises the entry was not in line with the authorization', endsAuthorization: false },
  R12: { label: 'Account sold to another bank', endsAuthorization: false },
  R14: { label: 'Account holder deceased', endsAuthorization: false },
  R15: { label: 'Beneficiary deceased', endsAuthorization: false },
  R16: { label: 'Account frozen', endsAuthorization: true },
  R17: { label: 'File record edit criteria', endsAuthorization: false },
  R20: { label: 'Not a transaction account', endsAuthorization: true },
  R23: { label: 'Credit entry refused by the receiver', endsAuthorization: false },
  R24: { label: 'Duplicate entry', endsAuthorization: false },
  R29: { label: 'Corporate customer advises not authorized', endsAuthorization: true },
  R31: { label: 'Permissible return entry', endsAuthorization: false },
  R33: { label: 'Return of an XCK entry', endsAuthorization: false },
};

/** The codes whose return ends the arrangement (the authorization or the account is gone). */
export const AUTHORIZATION_ENDING_RETURNS = Object.keys(ACH_RETURNS).filter((c) => ACH_RETURNS[c]!.endsAuthorization);

/** "R02 Account closed"; a code not in the table still reads as itself. */
export function achReturnLabel(code: string): string {
  const known = ACH_RETURNS[code];
  return known ? `${code} ${known.label}` : `${code} (a return code not in Recoup's table)`;
}

export function returnEndsAuthorization(code: string): boolean {
  return ACH_RETURNS[code]?.endsAuthorization ?? false;
}
