import { Type, type Static } from 'typebox';

// Building blocks shared by every API schema.

/** A published count: below 5 (0 included) it is "<5", from 5 on it is rounded to the nearest ten. */
export const Count = Type.Union([Type.Integer({ minimum: 0 }), Type.Literal('<5')]);
export type Count = Static<typeof Count>;

export const ErrorResponse = Type.Object({
  statusCode: Type.Integer(),
  error: Type.String(),
  message: Type.String(),
  /** For 400: the field that is wrong (`body.username`, `query.page`, `params.id`). */
  field: Type.Optional(Type.String()),
  /** For 400: why the field is wrong. */
  reason: Type.Optional(Type.String()),
  /** For 500: the id of the request in the server's log, to quote when reporting it. */
  request_id: Type.Optional(Type.String()),
});
export type ErrorResponse = Static<typeof ErrorResponse>;

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) });
export type IdParams = Static<typeof IdParams>;

export const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, default: 1 })),
  page_size: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
};

export const PageInfo = {
  page: Type.Integer(),
  page_size: Type.Integer(),
  total: Type.Integer(),
};

/** A real calendar date `YYYY-MM-DD` (format "date" refuses 2026-02-30 and 2026-13-01). */
export const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date', maxLength: 10 });
export const IsoDateTime = Type.String({ maxLength: 40 });
/** A note with some text: only spaces is no note. */
// A character that shows: not white space, nor an invisible format character (zero-width
// space and joiners, direction marks, word joiner, soft hyphen, byte-order mark).
export const VISIBLE_CHAR = '[^\\s\\u00AD\\u200B-\\u200F\\u2060-\\u206F\\uFEFF]';
const VISIBLE = new RegExp(VISIBLE_CHAR);

/** Whether a note or reason has something a reader can see. */
export const hasVisibleText = (text: string | null | undefined): boolean => VISIBLE.test(text ?? '');

export const Note = Type.String({ minLength: 1, maxLength: 2000, pattern: VISIBLE_CHAR });

export const Ok = Type.Object({ ok: Type.Boolean() });
