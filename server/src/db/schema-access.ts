// Tables of the API server: users, sessions, triage, audit log (migration 0003).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AccessTables {}
