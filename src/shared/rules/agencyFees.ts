// An agency's money: its contingency fee on what it collects, what it remits (gross: everything,
// invoicing its fee; net: what is left after keeping its fee) and the hospital's net-back. The fee
// is the hospital's cost, never the patient's: the patient's balance falls by what the patient
// paid, whatever the agency keeps. All amounts are integer cents; a fee is rounded to the cent,
// half away from zero, per line (the way an agency's statement rounds each collection).
import type { PlacementKind, RemittanceMethod } from '../schemas/agencies';

/** The fee on an amount collected at a rate in basis points (2500 = 25.00%). */
export function agencyFee(collectedCents: number, rateBp: number): number {
  if (!Number.isSafeInteger(collectedCents) || !Number.isInteger(rateBp) || rateBp < 0 || rateBp > 10_000)
    throw new RangeError('An agency fee needs whole cents and a rate of 0 to 10,000 basis points.');
  const abs = Math.abs(collectedCents);
  const fee = Math.floor((abs * rateBp + 5_000) / 10_000);
  return collectedCents < 0 && fee !== 0 ? -fee : fee;
}

/** What the agency sends the hospital for a collection: all of it (gross) or less its fee (net). */
export function remittedCents(method: RemittanceMethod, collectedCents: number, feeCents: number): number {
  return method === 'gross' ? collectedCents : collectedCents - feeCents;
}

/** What the hospital keeps of a collection after the agency's fee. */
export function netBackCents(collectedCents: number, feeCents: number): number {
  return collectedCents - feeCents;
}

/** A ratio in basis points (recovery rate, net-back per dollar placed), rounded half up; 0 when nothing was placed. */
export function basisPoints(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.floor((part * 10_000 + Math.floor(whole / 2)) / whole);
}

export interface FeeRate {
  kind: PlacementKind;
  rateBp: number;
  effectiveFrom: string;
}

/** The rate in force for a kind on a date: the latest that took effect on or before it; null if none. */
export function feeRateOn(rates: readonly FeeRate[], kind: PlacementKind, date: string): number | null {
  let best: FeeRate | null = null;
  for (const r of rates)
    if (r.kind === kind && r.effectiveFrom <= date && (best === null || r.effectiveFrom > best.effectiveFrom)) best = r;
  return best?.rateBp ?? null;
}
