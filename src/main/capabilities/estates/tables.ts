// The probate table a supervisor keeps (rules §4, PR-01..PR-04). A change is a new row from a date;
// nothing is changed or deleted, so the row that judged an estate stays readable (an estate keeps
// the id of its row).
import type { z } from 'zod';
import type { setProbateRuleInput } from '../../../shared/schemas/estates';
import type { Db } from '../../store/database';
import { insertProbateRule } from './rows';
import { refuse } from './estates';

/** A supervisor adds a state's row from a date (the state's earlier rows stay, for the estates they judged). */
export function addProbateRule(db: Db, input: z.output<typeof setProbateRuleInput>, at: string, by: number): number {
  const same = db
    .prepare('SELECT 1 FROM probate_rules WHERE state = ? AND effective_from = ?')
    .get(input.state, input.effectiveFrom);
  if (same)
    refuse(
      'effectiveFrom',
      `${input.state} already has a row from that date: a change takes a new date (rows are never changed).`,
    );
  if (input.lastIllnessClass >= input.generalClass)
    refuse('lastIllnessClass', 'The last illness comes before other claims: give it a lower class number.');
  if (
    input.finalYearClass !== null &&
    (input.finalYearClass <= input.lastIllnessClass || input.finalYearClass >= input.generalClass)
  )
    refuse(
      'finalYearClass',
      'The final year’s medical expenses come after the last illness and before other claims: give a class between them.',
    );
  return insertProbateRule(db, { ...input, source: input.source.trim(), note: input.note.trim() }, at, by);
}
