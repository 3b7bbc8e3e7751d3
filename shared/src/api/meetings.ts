import { Type, type Static } from 'typebox';
import { IsoDate, IsoDateTime, Note } from './common.ts';
import { TriageStatus } from './triage.ts';

// The zorgnetwerk meeting: planned by a coordinator for a date and one or more wijken;
// families go on its agenda; per family the meeting's advice, the lead professional
// (regisseur) and the next step are recorded.

const Wijk = Type.String({ minLength: 1, maxLength: 100 });
const Short = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });

export const MeetingParams = Type.Object({ meetingId: Type.Integer({ minimum: 1, maximum: 2147483647 }) });
export type MeetingParams = Static<typeof MeetingParams>;
export const MeetingItemParams = Type.Object({
  meetingId: Type.Integer({ minimum: 1, maximum: 2147483647 }),
  itemId: Type.Integer({ minimum: 1, maximum: 2147483647 }),
});
export type MeetingItemParams = Static<typeof MeetingItemParams>;

export const NewMeetingBody = Type.Object(
  { held_on: IsoDate, wijken: Type.Array(Wijk, { minItems: 1, maxItems: 50, uniqueItems: true }) },
  { additionalProperties: false },
);
export type NewMeetingBody = Static<typeof NewMeetingBody>;

export const MeetingSummary = Type.Object({
  id: Type.Integer(),
  held_on: IsoDate,
  wijken: Type.Array(Type.String()),
  families: Type.Integer({ minimum: 0 }),
  created_by: Type.String(),
});
export type MeetingSummary = Static<typeof MeetingSummary>;
export const MeetingList = Type.Array(MeetingSummary);
export type MeetingList = Static<typeof MeetingList>;

export const AgendaBody = Type.Object({ flag_id: Type.Integer({ minimum: 1, maximum: 2147483647 }) }, { additionalProperties: false });
export type AgendaBody = Static<typeof AgendaBody>;

export const MeetingRecordBody = Type.Object(
  {
    advice: Note,
    regisseur_name: Short,
    regisseur_org: Short,
    next_step: Note,
    next_step_due: IsoDate,
    /** The item's `recorded_at` as the coordinator saw it (null: nothing recorded yet); someone else's record since then is a 409. */
    seen_recorded_at: Type.Union([IsoDateTime, Type.Null()]),
  },
  { additionalProperties: false },
);
export type MeetingRecordBody = Static<typeof MeetingRecordBody>;

export const MeetingItem = Type.Object({
  id: Type.Integer(),
  flag_id: Type.Integer(),
  household_key: Type.String(),
  wijk: Type.String(),
  triage_status: TriageStatus,
  advice: Type.Union([Type.String(), Type.Null()]),
  regisseur_name: Type.Union([Type.String(), Type.Null()]),
  regisseur_org: Type.Union([Type.String(), Type.Null()]),
  next_step: Type.Union([Type.String(), Type.Null()]),
  next_step_due: Type.Union([IsoDate, Type.Null()]),
  recorded_by: Type.Union([Type.String(), Type.Null()]),
  recorded_at: Type.Union([IsoDateTime, Type.Null()]),
  /** The flag is an earlier family's: the residents changed since, so it no longer opens as a family page. */
  residents_changed: Type.Boolean(),
});
export type MeetingItem = Static<typeof MeetingItem>;

export const Meeting = Type.Object({
  ...MeetingSummary.properties,
  items: Type.Array(MeetingItem),
  /** The partner organisations a regisseur can come from (configured). */
  partner_organisations: Type.Array(Type.String()),
});
export type Meeting = Static<typeof Meeting>;
