import type { Clock } from '../core/clock.ts';
import type { DeadlinePolicy } from '../core/deadlines.ts';
import type { Pseudonymizer } from '../core/pseudonym.ts';
import type { Db } from '../db/connection.ts';

/** What the services need from outside: the database, the clock and the BSN hash. */
export interface EngineContext {
  db: Db;
  clock: Clock;
  pseudonymize: Pseudonymizer;
  timeZone: string;
  /** Who or what started the work, for the records (a user, `cli`, `scheduler`). */
  actor: string;
  /** Called every so many rows of a long import, e.g. to draw progress. */
  onProgress?: (rowsRead: number) => void;
  /** First-contact deadlines the scoring run sets (config.deadlines); the default policy when absent. */
  deadlines?: DeadlinePolicy;
}
