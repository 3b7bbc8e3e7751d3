import { Type, type Static } from 'typebox';
import { Role } from './auth.ts';
import { IsoDate, IsoDateTime, Note } from './common.ts';

// Triage of a household while it is on the list. One triage per episode: from the
// run where the household entered the list (is_new) through the runs it stays on it.

export const TRIAGE_STATUSES = ['nieuw', 'in_behandeling', 'besproken_in_zorgnetwerk', 'doorverwezen', 'geen_actie_nodig', 'afgesloten'] as const;
export const TriageStatus = Type.Union([
  Type.Literal('nieuw'),
  Type.Literal('in_behandeling'),
  Type.Literal('besproken_in_zorgnetwerk'),
  Type.Literal('doorverwezen'),
  Type.Literal('geen_actie_nodig'),
  Type.Literal('afgesloten'),
]);
export type TriageStatus = Static<typeof TriageStatus>;

export const TRIAGE_STATUS_LABELS: Record<TriageStatus, string> = {
  // Not "Nieuw": that word is kept for "new on the list this week".
  nieuw: 'Nog niet opgepakt',
  in_behandeling: 'In behandeling',
  besproken_in_zorgnetwerk: 'Besproken in zorgnetwerk',
  doorverwezen: 'Doorverwezen',
  geen_actie_nodig: 'Geen actie nodig',
  afgesloten: 'Afgesloten',
};

/** "Signaal terecht / niet terecht": feeds the precision per indicator. */
export const TriageOutcome = Type.Union([Type.Literal('terecht'), Type.Literal('niet_terecht')]);
export type TriageOutcome = Static<typeof TriageOutcome>;

export const TriageEvent = Type.Object({
  id: Type.Integer(),
  at: IsoDateTime,
  by: Type.String(),
  /** The role the user acted in; null for events recorded before roles were kept. */
  role: Type.Union([Role, Type.Null()]),
  kind: Type.Union([Type.Literal('status'), Type.Literal('assignment'), Type.Literal('outcome'), Type.Literal('note')]),
  from_status: Type.Union([TriageStatus, Type.Null()]),
  to_status: Type.Union([TriageStatus, Type.Null()]),
  assigned_to: Type.Union([Type.String(), Type.Null()]),
  outcome: Type.Union([TriageOutcome, Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  /** "Opnieuw bekijken op", set with this step. */
  review_on: Type.Union([IsoDate, Type.Null()]),
  /** The zorgnetwerk meeting whose record took this step. */
  meeting_id: Type.Union([Type.Integer(), Type.Null()]),
});
export type TriageEvent = Static<typeof TriageEvent>;

export const Triage = Type.Object({
  /** Null while nobody has touched it yet (status `nieuw`). */
  id: Type.Union([Type.Integer(), Type.Null()]),
  /** The scoring run in which the household entered the list for this episode. */
  episode_run_id: Type.Integer(),
  status: TriageStatus,
  assigned_to: Type.Union([Type.String(), Type.Null()]),
  outcome: Type.Union([TriageOutcome, Type.Null()]),
  /** First contact due, set when the household entered the list; null for episodes from before deadlines existed. */
  first_contact_due: Type.Union([IsoDate, Type.Null()]),
  /** An urgent indicator set a shorter deadline. */
  urgent: Type.Boolean(),
  /** "Opnieuw bekijken op": on this date the concluded case returns to the worklist. */
  review_on: Type.Union([IsoDate, Type.Null()]),
  /** Statuses this user's role may move to now (shared/src/triage.ts). */
  next_statuses: Type.Array(TriageStatus),
  /** Steps and notes from before this day, when the current residents came to live here, are left out; null: all shown. */
  shown_from: Type.Union([IsoDate, Type.Null()]),
  /** The case began before the current residents came to live here: whoever follows it up should review it. */
  residents_changed: Type.Boolean(),
  events: Type.Array(TriageEvent),
});
export type Triage = Static<typeof Triage>;

/**
 * A status change. `note` is the reason (required where the transition table says so);
 * `from` is the status the user saw: if it changed meanwhile the server answers 409;
 * `outcome` only with a move to a concluded status.
 */
export const StatusBody = Type.Object(
  {
    status: TriageStatus,
    from: Type.Optional(TriageStatus),
    note: Type.Optional(Note),
    outcome: Type.Optional(TriageOutcome),
    /** Only with a move to a concluded status: the date the case returns to the worklist. */
    review_on: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);
export type StatusBody = Static<typeof StatusBody>;

export const AssignmentBody = Type.Object(
  { assigned_to: Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()]), note: Type.Optional(Note) },
  { additionalProperties: false },
);
export type AssignmentBody = Static<typeof AssignmentBody>;

export const OutcomeBody = Type.Object({ outcome: TriageOutcome, note: Type.Optional(Note) }, { additionalProperties: false });
export type OutcomeBody = Static<typeof OutcomeBody>;

export const NoteBody = Type.Object({ note: Note }, { additionalProperties: false });
export type NoteBody = Static<typeof NoteBody>;

/** Wijkteam members a coordinator can assign a flag to. */
export const Assignee = Type.Object({ username: Type.String(), wijken: Type.Array(Type.String()) });
export const AssigneeList = Type.Array(Assignee);
export type Assignee = Static<typeof Assignee>;
