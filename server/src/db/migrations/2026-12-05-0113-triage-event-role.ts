import { sql, type Kysely } from 'kysely';

// Frozen. Every triage event keeps the role its user acted in, next to the username:
// the transition table gives rights per role, so the history must show which role took
// each step. Earlier events get the role their user has now (null if the user is gone).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('triage_events').addColumn('by_role', 'text').execute();
  await sql`update triage_events set by_role = (select u.role from users u where u.username = triage_events.by_user)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('triage_events').dropColumn('by_role').execute();
}
