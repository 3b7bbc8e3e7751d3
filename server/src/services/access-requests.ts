import type { AccessRequestItem, CreateAccessRequestBody, ExclusionBody, RequestDetail } from '@vroegsignaal/shared/api/privacy';
import type { AuthenticatedUser } from '../auth/authenticator.ts';
import { addressKey, checkHuisnummer, checkPostcode, checkToevoeging } from '../core/address.ts';
import { checkBsn } from '../core/bsn.ts';
import type { Clock } from '../core/clock.ts';
import { daysBetween, localDate } from '../core/dates.ts';
import type { Pseudonymizer } from '../core/pseudonym.ts';
import { isPostgres, type Db } from '../db/connection.ts';
import type { Selectable } from 'kysely';
import type { AccessRequestTable } from '../db/schema-access.ts';
import {
  findAccessRequest,
  addressHasData,
  householdExists,
  hasResidence,
  householdOfPerson,
  personsLivingAt,
  insertAccessRequest,
  insertRequestSignals,
  listAccessRequests,
  releaseNote,
  unlinkedSignalIds,
  updateOpenAccessRequest,
  withheldOf,
  withholdNote,
} from '../repositories/access-request-repository.ts';
import { requestData, requestTriage } from './access-request-data.ts';
import { exclusionsOfRequest, insertExclusion, liftExclusion, overlappingExclusion } from '../repositories/mark-repository.ts';
import { dayOf, linkOpenResidencesAt, linkResidencesOfPerson, openResidenceStarts, periodsOf } from '../repositories/request-scope-repository.ts';
import type { Executor } from '../repositories/types.ts';
import { ApiError } from './errors.ts';
import { earliest } from './residents.ts';

// Access requests (AVG art. 15) and exclusions from scoring (art. 18/21), reached only
// through a request the privacy officer registered. A BSN is hashed at once and only
// used to find the household (or, for a person the registry does not know, their
// unlinked signals, kept by id); neither it nor its hash is stored. A request covers the
// residences it was registered for (access_request_residences), each for its period: by
// BSN every residence of the person, by address the residents living there then.

export interface RightsContext {
  db: Db;
  clock: Clock;
  pseudonymize: Pseudonymizer;
  timeZone: string;
}

type RequestRow = Selectable<AccessRequestTable>;

/** A date plus whole months, the day clamped to the month's last day (31 January + 1 month = 28 or 29 February). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** `2026-10-01` → `1 oktober 2026`. */
export const dutchDate = (iso: string) => `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

const today = (ctx: RightsContext) => localDate(ctx.clock.now(), ctx.timeZone);

/** `household`: whether the request's person(s) live in a household now (what an exclusion needs). */
export function presentRequest(row: RequestRow, on: string, household: boolean): AccessRequestItem {
  return {
    id: row.id,
    identified_by: row.identified_by,
    received_on: row.received_on,
    deadline: row.deadline,
    extension_reason: row.extension_reason,
    status: row.status,
    days_left: daysBetween(on, row.deadline),
    scope_from: row.scope_from,
    household,
  };
}

interface Found {
  by: 'bsn' | 'adres';
  /** The household, if the registry knows the person or the address. */
  key: string | null;
  scopeFrom: string | null;
  /** Without a household: the person's signals that link to no household. */
  signalIds: number[];
  /** Links the residences the request covers (inside the registering transaction). */
  link: (db: Executor, requestId: number) => Promise<void>;
  /** Whether any residence is covered. */
  resided: boolean;
}

const dayOrNull = (at: string | null) => (at === null ? null : dayOf(at));

async function householdOf(ctx: RightsContext, body: CreateAccessRequestBody): Promise<Found> {
  if ('bsn' in body) {
    const bsn = checkBsn(body.bsn);
    if (!bsn.ok) throw ApiError.badRequest('body.bsn', 'het BSN voldoet niet aan de elfproef');
    const hash = ctx.pseudonymize(bsn.value);
    const [key, open, resided] = await Promise.all([
      householdOfPerson(ctx.db, hash),
      openResidenceStarts(ctx.db, { bsnHash: hash }),
      hasResidence(ctx.db, hash),
    ]);
    const link = (db: Executor, id: number) => linkResidencesOfPerson(db, id, hash);
    if (key) return { by: 'bsn', key, scopeFrom: dayOrNull(earliest(open)), signalIds: [], link, resided };
    return { by: 'bsn', key: null, scopeFrom: null, signalIds: await unlinkedSignalIds(ctx.db, hash), link, resided };
  }
  const postcode = checkPostcode(body.postcode);
  const huisnummer = checkHuisnummer(String(body.huisnummer));
  const toevoeging = checkToevoeging(body.toevoeging ?? '');
  if (!postcode.ok || !huisnummer.ok || !toevoeging.ok) throw ApiError.badRequest('body.postcode', 'het adres is niet geldig');
  const key = addressKey(postcode.value, huisnummer.value, toevoeging.value);
  const none = async () => {};
  if (!(await householdExists(ctx.db, key))) {
    if (await addressHasData(ctx.db, key)) throw ApiError.conflict(EMPTY_ADDRESS);
    return { by: 'adres', key: null, scopeFrom: null, signalIds: [], link: none, resided: false };
  }
  const link = (db: Executor, id: number) => linkOpenResidencesAt(db, id, key);
  return { by: 'adres', key, scopeFrom: dayOrNull(earliest(await openResidenceStarts(ctx.db, { key }))), signalIds: [], link, resided: true };
}

const EMPTY_ADDRESS =
  'Op dit adres woont nu niemand, maar er zijn wel gegevens over dit adres vastgelegd. Registreer het verzoek op het BSN van de inwoner: dan ziet u de gegevens uit de tijd dat die er woonde.';

/** How far back a request's date of receipt may lie: a year (an older date is a typing error, or long overdue). */
const RECEIVED_MONTHS_BACK = 12;
/** The longest exclusion from scoring in one go: a year; a longer one is made again when it ends. */
const EXCLUSION_MAX_MONTHS = 12;
/** How far ahead an exclusion may start: three months (further ahead would let exclusions be planned in a chain). */
const EXCLUSION_START_MONTHS_AHEAD = 3;
const CLOSED = 'Dit verzoek is afgehandeld en kan niet meer worden gewijzigd. Registreer een nieuw verzoek als de inwoner opnieuw iets vraagt.';

/** Registers a request; the deadline is one month after receipt. */
export async function registerRequest(ctx: RightsContext, user: AuthenticatedUser, body: CreateAccessRequestBody): Promise<AccessRequestItem> {
  const on = today(ctx);
  if (body.received_on > on) throw ApiError.badRequest('body.received_on', 'de datum van ontvangst ligt in de toekomst');
  const earliest = addMonths(on, -RECEIVED_MONTHS_BACK);
  if (body.received_on < earliest)
    throw ApiError.badRequest('body.received_on', `de datum van ontvangst ligt meer dan een jaar terug: vul een datum in vanaf ${earliest}`);
  const found = await householdOf(ctx, body);
  if (!found.key && !found.resided && !found.signalIds.length)
    throw ApiError.notFound('Over deze persoon of dit adres zijn geen gegevens vastgelegd. Laat de inwoner dat schriftelijk weten.');
  const row = {
    household_key: found.key,
    scope_from: found.scopeFrom,
    identified_by: found.by,
    received_on: body.received_on,
    deadline: addMonths(body.received_on, 1),
    extension_reason: null,
    status: 'open' as const,
    created_by: user.username,
    created_at: ctx.clock.now().toISOString(),
    closed_at: null,
  };
  const id = await ctx.db.transaction().execute(async (trx) => {
    const made = await insertAccessRequest(trx, row);
    await found.link(trx, made);
    await insertRequestSignals(trx, made, found.signalIds);
    return made;
  });
  return presentRequest({ ...row, id }, on, found.key !== null);
}

export async function listRequests(ctx: RightsContext): Promise<AccessRequestItem[]> {
  const on = today(ctx);
  return Promise.all((await listAccessRequests(ctx.db)).map(async (r) => presentRequest(r, on, (await currentHousehold(ctx, r)) !== null)));
}

export async function requestRow(ctx: RightsContext, id: number): Promise<RequestRow> {
  const row = await findAccessRequest(ctx.db, id);
  if (!row) throw ApiError.notFound('inzageverzoek niet gevonden');
  return row;
}

const NO_HOUSEHOLD =
  'Dit verzoek gaat over een persoon die nu niet in de Basisregistratie Personen staat. Er is geen huishouden om uit te sluiten. Signalen zonder huishouden tellen al niet mee in de berekening.';

/**
 * The household the request's person(s) live in now, and for whom: by BSN, the household the
 * person lives in now (everyone there); by address, the residents at registration who still
 * live there. Null: none (nothing to exclude).
 */
export async function currentHousehold(ctx: RightsContext, row: RequestRow): Promise<{ key: string; persons: string[] | null } | null> {
  const persons = [...new Set((await periodsOf(ctx.db, row.id)).map((p) => p.bsn_hash))];
  if (row.identified_by === 'bsn') {
    const key = persons.length ? await householdOfPerson(ctx.db, persons[0]!) : undefined;
    return key ? { key, persons: null } : null;
  }
  const still = row.household_key === null ? [] : await personsLivingAt(ctx.db, row.household_key, persons);
  return still.length ? { key: row.household_key!, persons: still } : null;
}

/** Where an exclusion through this request applies now; none: 409. */
async function exclusionTarget(ctx: RightsContext, row: RequestRow): Promise<{ key: string; persons: string[] | null }> {
  const target = await currentHousehold(ctx, row);
  if (target) return target;
  if (row.identified_by === 'bsn') throw ApiError.conflict(NO_HOUSEHOLD);
  throw ApiError.conflict(
    'De bewoners van dit verzoek wonen niet meer op dit adres. Er is geen huishouden om uit te sluiten. Registreer een verzoek op hun BSN.',
  );
}

/** A request that may still change: a closed (afgehandeld) one answers 409. */
async function openRequestRow(ctx: RightsContext, id: number): Promise<RequestRow> {
  const row = await requestRow(ctx, id);
  if (row.status !== 'open') throw ApiError.conflict(CLOSED);
  return row;
}

/** Extends the deadline by two months, once, with a reason, and only before the first month has passed (AVG art. 12(3)). */
export async function extendRequest(ctx: RightsContext, id: number, reason: string): Promise<AccessRequestItem> {
  const row = await openRequestRow(ctx, id);
  if (row.extension_reason === null && today(ctx) > row.deadline)
    throw ApiError.conflict(
      `De termijn van dit verzoek is op ${dutchDate(row.deadline)} verstreken. Verlengen kan alleen binnen de eerste maand; beantwoord het verzoek zo snel mogelijk.`,
    );
  if (row.extension_reason !== null) throw ApiError.conflict('De termijn van dit verzoek is al verlengd. Verlengen kan één keer, met twee maanden.');
  const changed = { deadline: addMonths(row.received_on, 3), extension_reason: reason };
  if (!(await updateOpenAccessRequest(ctx.db, id, changed, true))) throw ApiError.conflict('Dit verzoek is zojuist al verlengd of afgehandeld.');
  return presentRequest({ ...row, ...changed }, today(ctx), (await currentHousehold(ctx, row)) !== null);
}

export async function closeRequest(ctx: RightsContext, id: number): Promise<AccessRequestItem> {
  const row = await openRequestRow(ctx, id);
  const changed = { status: 'afgehandeld' as const, closed_at: ctx.clock.now().toISOString() };
  if (!(await updateOpenAccessRequest(ctx.db, id, changed))) throw ApiError.conflict('Dit verzoek is zojuist al afgehandeld.');
  return presentRequest({ ...row, ...changed }, today(ctx), (await currentHousehold(ctx, row)) !== null);
}

export async function requestDetail(ctx: RightsContext, id: number): Promise<RequestDetail> {
  const row = await requestRow(ctx, id);
  const [{ signals, unlinked, flags, triage }, withheld, exclusions, household] = await Promise.all([
    requestData(ctx.db, row),
    withheldOf(ctx.db, id),
    exclusionsOfRequest(ctx.db, id, row.identified_by === 'bsn'),
    currentHousehold(ctx, row),
  ]);
  const ground = new Map(withheld.map((w) => [w.triage_event_id, w.ground]));
  return {
    request: presentRequest(row, today(ctx), household !== null),
    signals: signals.length,
    unlinked_signals: unlinked,
    flags: flags.length,
    notes: triage.events
      .filter((e) => e.note)
      .map((e) => ({ triage_event_id: e.id, at: e.at, role: e.by_role, note: e.note!, withheld_ground: ground.get(e.id) ?? null })),
    exclusions: exclusions.map((x) => ({ id: x.id, ground: x.ground, reason: x.reason, from: x.from_date, to: x.to_date, lifted: x.lifted_at !== null })),
  };
}

/** Leaves a triage note of the request's household out of the letter, with the ground. */
export async function withhold(ctx: RightsContext, id: number, triageEventId: number, ground: string): Promise<RequestDetail> {
  const row = await openRequestRow(ctx, id);
  const { events } = await requestTriage(ctx.db, row);
  if (!events.some((e) => e.id === triageEventId && e.note)) throw ApiError.notFound('deze notitie hoort niet bij het huishouden van dit verzoek');
  await withholdNote(ctx.db, id, triageEventId, ground);
  return requestDetail(ctx, id);
}

/** Takes a withheld note back into the letter, while the request is open. */
export async function release(ctx: RightsContext, id: number, triageEventId: number): Promise<RequestDetail> {
  await openRequestRow(ctx, id);
  if (!(await releaseNote(ctx.db, id, triageEventId))) throw ApiError.notFound('deze notitie wordt bij dit verzoek niet achtergehouden');
  return requestDetail(ctx, id);
}

/**
 * Excludes the request's household from scoring for a period (restriction or objection),
 * while the request is open. One active exclusion per household at a time: a new one may
 * not overlap it, so exclusions cannot be stacked past the one-year limit or doubled.
 */
export async function excludeHousehold(ctx: RightsContext, user: AuthenticatedUser, id: number, body: ExclusionBody): Promise<RequestDetail> {
  const row = await openRequestRow(ctx, id);
  checkExclusionPeriod(today(ctx), body);
  const target = await exclusionTarget(ctx, row);
  await ctx.db.transaction().execute(async (trx) => {
    const existing = await overlappingExclusion(trx, target.key, body.from, body.to, isPostgres(ctx.db));
    if (existing) throw await overlapConflict(trx, row, existing);
    await insertExclusion(trx, id, target.persons, {
      household_key: target.key,
      ground: body.ground,
      reason: body.reason,
      from_date: body.from,
      to_date: body.to,
      created_by: user.username,
      created_at: ctx.clock.now().toISOString(),
      lifted_at: null,
      lifted_by: null,
    });
  });
  return requestDetail(ctx, id);
}

/** A 409 that names the overlapping exclusion's period only when this request lists it. */
async function overlapConflict(db: Executor, row: RequestRow, existing: { id: number; from_date: string; to_date: string }): Promise<ApiError> {
  const shown = (await exclusionsOfRequest(db, row.id, row.identified_by === 'bsn')).some((x) => x.id === existing.id);
  if (!shown)
    return ApiError.conflict(
      'Iemand in dit huishouden is in deze periode al uitgesloten, via een ander verzoek. Een nieuwe uitsluiting mag die niet overlappen.',
    );
  return ApiError.conflict(
    `Dit huishouden is al uitgesloten van ${dutchDate(existing.from_date)} tot en met ${dutchDate(existing.to_date)}. Een nieuwe uitsluiting mag die periode niet overlappen; hef de bestaande eerst op als de periode anders moet.`,
  );
}

/** From today up to three months ahead, ending on or after its start, for at most a year. */
function checkExclusionPeriod(on: string, body: ExclusionBody): void {
  if (body.from < on) throw ApiError.badRequest('body.from', `de begindatum ligt in het verleden: een uitsluiting begint op ${on} of later`);
  const furthest = addMonths(on, EXCLUSION_START_MONTHS_AHEAD);
  if (body.from > furthest)
    throw ApiError.badRequest('body.from', `de begindatum ligt te ver vooruit: een uitsluiting begint uiterlijk drie maanden na vandaag, op ${furthest}`);
  if (body.to < body.from) throw ApiError.badRequest('body.to', 'de einddatum ligt voor de begindatum');
  const latest = addMonths(body.from, EXCLUSION_MAX_MONTHS);
  if (body.to > latest) throw ApiError.badRequest('body.to', `een uitsluiting duurt hoogstens een jaar: kies een einddatum tot en met ${latest}`);
}

/** Lifting stays possible on a closed request: a withdrawn objection or restriction is always honoured. */
export async function liftHouseholdExclusion(ctx: RightsContext, user: AuthenticatedUser, id: number, exclusionId: number): Promise<RequestDetail> {
  const row = await requestRow(ctx, id);
  const mine = (await exclusionsOfRequest(ctx.db, id, row.identified_by === 'bsn')).some((x) => x.id === exclusionId);
  if (!mine || !(await liftExclusion(ctx.db, exclusionId, user.username, ctx.clock.now().toISOString()))) {
    throw ApiError.notFound('uitsluiting niet gevonden of al opgeheven');
  }
  return requestDetail(ctx, id);
}
