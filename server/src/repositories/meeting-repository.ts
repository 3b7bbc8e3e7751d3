import type { Insertable, Updateable } from 'kysely';
import type { MeetingItemTable, MeetingTable } from '../db/schema-access.ts';
import { notExcludedOn } from './exclusion-filter.ts';
import type { Executor } from './types.ts';

export async function insertMeeting(db: Executor, values: Insertable<MeetingTable>): Promise<number> {
  const row = await db.insertInto('meetings').values(values).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

/** The meetings with the number of families on each agenda; a household excluded on `today` is not counted, as it is not shown. */
export async function listMeetings(db: Executor, today: string) {
  return db
    .selectFrom('meetings as m')
    .leftJoin('meeting_items as i', (j) =>
      j.onRef('i.meeting_id', '=', 'm.id').on((eb) => notExcludedOn(eb.ref('i.household_key'), today, eb.ref('i.added_at'))),
    )
    .select((eb) => ['m.id', 'm.held_on', 'm.wijken', 'm.created_by', eb.fn.count<number>('i.id').as('families')])
    .groupBy(['m.id', 'm.held_on', 'm.wijken', 'm.created_by'])
    .orderBy('m.held_on', 'desc')
    .orderBy('m.id', 'desc')
    .execute();
}

export async function findMeeting(db: Executor, id: number) {
  return db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function meetingItems(db: Executor, meetingId: number) {
  return db.selectFrom('meeting_items').selectAll().where('meeting_id', '=', meetingId).orderBy('wijk').orderBy('household_key').execute();
}

/** Puts a household on the agenda unless it is already on it. */
export async function addMeetingItem(db: Executor, values: Insertable<MeetingItemTable>): Promise<void> {
  await db
    .insertInto('meeting_items')
    .values(values)
    .onConflict((oc) => oc.columns(['meeting_id', 'household_key']).doNothing())
    .execute();
}

export async function findMeetingItemOf(db: Executor, meetingId: number, householdKey: string) {
  return db.selectFrom('meeting_items').selectAll().where('meeting_id', '=', meetingId).where('household_key', '=', householdKey).executeTakeFirst();
}

export async function findMeetingItem(db: Executor, meetingId: number, itemId: number) {
  return db.selectFrom('meeting_items').selectAll().where('meeting_id', '=', meetingId).where('id', '=', itemId).executeTakeFirst();
}

export async function updateMeetingItem(db: Executor, id: number, values: Updateable<MeetingItemTable>): Promise<void> {
  await db.updateTable('meeting_items').set(values).where('id', '=', id).execute();
}

/** Records on an item only while its last record is still `recordedAt` (null: none yet): of two at once, one wins. */
export async function recordMeetingItem(db: Executor, id: number, recordedAt: string | null, values: Updateable<MeetingItemTable>): Promise<boolean> {
  const result = await db
    .updateTable('meeting_items')
    .set(values)
    .where('id', '=', id)
    .where((eb) => (recordedAt === null ? eb('recorded_at', 'is', null) : eb('recorded_at', '=', recordedAt)))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
