import type { MarkBody, MarkItem, SignalSource } from '@vroegsignaal/shared/api/privacy';
import type { AuthenticatedUser } from '../auth/authenticator.ts';
import type { Clock } from '../core/clock.ts';
import { sourceDisplayName } from '../core/source-name.ts';
import type { Db } from '../db/connection.ts';
import { findActiveMark, insertMark, liftMark, listMarks, signalExists, signalSourceCodes } from '../repositories/mark-repository.ts';
import { ApiError } from './errors.ts';

// A signal marked incorrect (AVG art. 16) by (source, record_id): it counts in no run
// after this one, also after a re-delivery of the same record, until the mark is lifted.
// Only the source and record id are shown: a beheerder sees no household data here.
// A beheerder sees and lifts only the marks of beheerders (made on a source's
// instruction): a privacy officer's mark comes from a resident's request, and its
// reason and its lifting are the privacy officer's.
// A signal has at most one mark in force per role (the database's unique index). A
// beheerder who marks a signal the privacy officer already marked gets a mark of their
// own, as on any other signal: the answer never tells them that a resident corrected it.
// The signal counts in no run while any mark is in force.
const ALREADY_MARKED = 'U hebt dit signaal al gemarkeerd: het telt al niet meer mee.';

const present = (m: Awaited<ReturnType<typeof listMarks>>[number]): MarkItem => ({
  id: m.id,
  source: m.source,
  source_name: sourceDisplayName(m.source),
  record_id: m.record_id,
  reason: m.reason,
  marked_role: m.marked_role,
  marked_at: m.marked_at,
  lifted_at: m.lifted_at,
});

/** The role whose marks `user` may see and lift: all for the privacy officer, their own role's for a beheerder. */
const visibleRole = (user: AuthenticatedUser) => (user.role === 'privacy' ? undefined : user.role);

/** The sources a mark can name, by their names in plain Dutch, sorted by name. */
export async function signalSources(db: Db): Promise<SignalSource[]> {
  const sources = (await signalSourceCodes(db)).map((source) => ({ source, name: sourceDisplayName(source) }));
  return sources.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

export async function allMarks(db: Db, user: AuthenticatedUser): Promise<MarkItem[]> {
  return (await listMarks(db, visibleRole(user))).map(present);
}

export async function markSignal(db: Db, clock: Clock, user: AuthenticatedUser, body: MarkBody): Promise<MarkItem> {
  if (!(await signalExists(db, body.source, body.record_id))) throw ApiError.notFound('Er is geen signaal met deze bron en dit kenmerk.');
  if (await findActiveMark(db, body.source, body.record_id, user.role)) throw ApiError.conflict(ALREADY_MARKED);
  const row = {
    source: body.source,
    record_id: body.record_id,
    reason: body.reason,
    marked_by: user.username,
    marked_role: user.role,
    marked_at: clock.now().toISOString(),
    lifted_at: null,
    lifted_by: null,
  };
  const id = await insertMark(db, row);
  if (id === null) throw ApiError.conflict(ALREADY_MARKED);
  return present({ ...row, id });
}

export async function unmarkSignal(db: Db, clock: Clock, user: AuthenticatedUser, id: number): Promise<MarkItem> {
  if (!(await liftMark(db, id, user.username, clock.now().toISOString(), visibleRole(user))))
    throw ApiError.notFound('markering niet gevonden of al opgeheven');
  const mark = (await listMarks(db)).find((m) => m.id === id)!;
  return present(mark);
}
