// Driver errors that mean something to the caller, recognised the same way on both dialects.

/** An INSERT or UPDATE that broke a UNIQUE constraint or primary key (two writers raced for one name). */
export function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
