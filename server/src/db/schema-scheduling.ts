// Tables of the scheduler: sources, job runs (migration 0002).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SchedulingTables {}
