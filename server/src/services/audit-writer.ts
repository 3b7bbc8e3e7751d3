import type { Insertable } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { AuditLogTable } from '../db/schema-access.ts';
import { insertAuditEntries } from '../repositories/audit-repository.ts';

type Entry = Insertable<AuditLogTable>;

/**
 * Writes audit entries with group commit: every entry is stored before its request
 * answers, but entries that arrive while a write is under way go together in the
 * next one, so a busy server pays one commit (fsync) per batch, not per request.
 */
export class AuditWriter {
  private pending: { entry: Entry; done: (error?: unknown) => void }[] = [];
  private writing = false;

  constructor(private readonly db: Db) {}

  write(entry: Entry): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ entry, done: (error) => (error ? reject(error) : resolve()) });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, 500);
      try {
        await insertAuditEntries(
          this.db,
          batch.map((b) => b.entry),
        );
        for (const b of batch) b.done();
      } catch (error) {
        for (const b of batch) b.done(error);
      }
    }
    this.writing = false;
  }
}
