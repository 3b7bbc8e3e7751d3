import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { isPostgres } from '../db/connection.ts';
import type { Executor } from './types.ts';

// A flag's active indicators are stored as `a|b|c` (flags.indicators); the
// domain and weight of each are in the run's rules (scoring_run_rules).

/** `indicator` is one of the active indicators of flag `f`. */
export function isActiveIn(db: Executor, indicator: Expression<string> | string): RawBuilder<SqlBool> {
  const token = typeof indicator === 'string' ? sql`${indicator}` : indicator;
  const position = isPostgres(db)
    ? sql`strpos('|' || f.indicators || '|', '|' || ${token} || '|')`
    : sql`instr('|' || f.indicators || '|', '|' || ${token} || '|')`;
  return sql<SqlBool>`${position} > 0`;
}

/** Joins rule `r` of flag `f`'s run for each of its active indicators. */
export const activeRuleOf = (db: Executor) => sql<SqlBool>`r.run_id = f.run_id and ${isActiveIn(db, sql.ref('r.indicator'))}`;
