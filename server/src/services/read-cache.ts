import type { Db } from '../db/connection.ts';
import { dataVersion } from '../repositories/data-version-repository.ts';

/**
 * Read models (a page of the flag list, a household's detail) kept in memory while
 * the data version they were computed at is still current, so 50 coordinators
 * opening the same week cost one computation. The version is read before the
 * computation: data that changes meanwhile is stored under the older version and
 * never served once the newer one is seen. Callers still check access and write
 * the audit entry on every request; only the computation is shared.
 */
export class ReadCache {
  private readonly entries = new Map<string, { version: string; value: unknown }>();

  constructor(
    private readonly db: Db,
    private readonly maxEntries = 500,
  ) {}

  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const version = await dataVersion(this.db);
    const hit = this.entries.get(key);
    this.entries.delete(key);
    if (hit && hit.version === version) {
      this.entries.set(key, hit);
      return hit.value as T;
    }
    const value = await compute();
    this.entries.set(key, { version, value });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
