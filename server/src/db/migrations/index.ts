import type { Migration } from 'kysely';
import * as engine from './2026-11-25-0001-engine.ts';

/** Every migration, by its frozen name; new files are added here in date order. */
export const migrations: Record<string, Migration> = {
  '2026-11-25-0001-engine': engine,
};
