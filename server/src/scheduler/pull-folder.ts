import fs from 'node:fs/promises';
import path from 'node:path';
import { OutsideDropRoot, realDropFolder } from '../core/drop-folder.ts';
import { FileRejected } from '../io/file-format.ts';
import type { EngineContext } from '../services/context.ts';
import { ingestFeed, type FeedCounts } from '../services/feed-ingest.ts';
import { folderConflict, type SourceConfig, type SourcePolicy } from '../services/sources.ts';
import { JobFailure, type JobCounts } from './job-runner.ts';

// A drop folder: the source writes files into it, we ingest each finished file
// and only then move it to processed/ (ingest committed) or failed/ (rejected).

/** What the previous poll saw of each file; a file is finished once it looks the same twice. */
export type FolderMemory = Map<string, { size: number; mtimeMs: number }>;

/** Only delivery files: never a database, a lock or a half-written upload that happens to be in the folder. */
const DELIVERY = /^[^.].*\.(csv|json|ndjson|jsonl|txt)$/i;

export interface FolderPullOptions {
  /** Take every file at once (a backfill of complete files) instead of waiting for a second look. */
  assumeComplete?: boolean;
  /** Take a first look, wait this long and take the second look in the same run (a run by hand). */
  settleMs?: number;
  /** Take only the files whose name passes (a backfill, week by week). */
  only?: (name: string) => boolean;
}

export async function pullFolder(
  ctx: EngineContext,
  source: SourceConfig & { fetch: { kind: 'folder' } },
  places: SourcePolicy,
  memory: FolderMemory,
  options: FolderPullOptions = {},
): Promise<JobCounts> {
  const dir = await placeOf(ctx, source.name, places, source.fetch.folder);
  const files = (await candidates(dir)).filter(options.only ?? (() => true));
  if (options.settleMs && !options.assumeComplete) await firstLook(dir, files, memory, options.settleMs);
  const totals = newTotals();
  const errors: string[] = [];
  for (const name of files) {
    const file = path.join(dir, name);
    if (!options.assumeComplete && !(await settled(file, name, memory))) {
      totals.waiting++;
      continue;
    }
    await ingestOne(ctx, source, file, totals, errors);
    memory.delete(name);
  }
  for (const name of memory.keys()) if (!files.includes(name)) memory.delete(name);
  const counts: JobCounts = { ...totals };
  if (errors.length) throw new JobFailure(errors.join('; '), counts);
  return counts;
}

/**
 * The folder's real path, checked inside the drop root before it is created and again
 * after (a folder or a parent may have become a symbolic link to elsewhere since the
 * source was configured): nothing is read, created or moved outside.
 */
async function placeOf(ctx: EngineContext, name: string, places: SourcePolicy, folder: string): Promise<string> {
  const { dropRoot } = places;
  const refuse = (e: unknown): never => {
    if (e instanceof OutsideDropRoot) throw new JobFailure(`${e.message}; er is niets gelezen of verplaatst`, { files: 0 });
    throw e;
  };
  await realDropFolder(dropRoot, folder).catch(refuse);
  await fs.mkdir(folder, { recursive: true });
  const dir = await realDropFolder(dropRoot, folder).catch(refuse);
  const conflict = await folderConflict(ctx.db, name, dir, places);
  if (conflict) throw new JobFailure(`${conflict}; er is niets gelezen of verplaatst`, { files: 0 });
  for (const sub of ['processed', 'failed']) {
    const stat = await fs.lstat(path.join(dir, sub)).catch(() => null);
    if (stat && !stat.isDirectory())
      throw new JobFailure(`${path.join(dir, sub)} is geen gewone map (een symbolische link?); er is niets gelezen of verplaatst`, { files: 0 });
  }
  return dir;
}

function newTotals() {
  return { files: 0, failedFiles: 0, waiting: 0, read: 0, stored: 0, updated: 0, unchanged: 0, quarantined: 0, unlinked: 0 };
}

async function candidates(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && DELIVERY.test(e.name))
    .map((e) => e.name)
    .sort();
}

async function firstLook(dir: string, files: string[], memory: FolderMemory, waitMs: number): Promise<void> {
  for (const name of files) await settled(path.join(dir, name), name, memory);
  if (files.length) await new Promise((r) => setTimeout(r, waitMs));
}

/** True when the file has the size and mtime the previous poll saw: the writer is done. */
async function settled(file: string, name: string, memory: FolderMemory): Promise<boolean> {
  // lstat: a file replaced by a symbolic link since the listing is never taken.
  const stat = await fs.lstat(file);
  if (!stat.isFile()) return false;
  const before = memory.get(name);
  memory.set(name, { size: stat.size, mtimeMs: stat.mtimeMs });
  return before !== undefined && before.size === stat.size && before.mtimeMs === stat.mtimeMs;
}

async function ingestOne(ctx: EngineContext, source: SourceConfig, file: string, totals: ReturnType<typeof newTotals>, errors: string[]): Promise<void> {
  let result: FeedCounts;
  try {
    result = await ingestFeed(ctx, file, { sourceName: source.name, columnMapping: source.columnMapping, allowedIndicators: source.indicators });
  } catch (e) {
    // Only a file rejected as a whole is moved aside; any other error (database
    // down) leaves it in place to be tried again on the next tick.
    if (!(e instanceof FileRejected)) throw new JobFailure(`${path.basename(file)}: ${(e as Error).message}`, { ...totals });
    const moved = await moveTo(file, 'failed', ctx.clock.now());
    await writeNew(`${moved}.error.txt`, `${e.message}\n`);
    totals.failedFiles++;
    errors.push(`${path.basename(file)} geweigerd: ${e.message}`);
    return;
  }
  await moveTo(file, 'processed', ctx.clock.now());
  totals.files++;
  for (const key of ['read', 'stored', 'updated', 'unchanged', 'quarantined', 'unlinked'] as const) totals[key] += result[key];
}

/** Moves a file into a subfolder; a name already there gets a time prefix instead of being overwritten. */
async function moveTo(file: string, folder: 'processed' | 'failed', now: Date): Promise<string> {
  const dir = path.join(path.dirname(file), folder);
  await fs.mkdir(dir, { recursive: true });
  // A subfolder that is a symbolic link would move the delivery out of the drop root.
  if ((await fs.realpath(dir)) !== dir) throw new JobFailure(`${dir} is een symbolische link; er is niets verplaatst`, {});
  let target = path.join(dir, path.basename(file));
  if (await exists(target)) target = path.join(dir, `${now.toISOString().replace(/[:.]/g, '-')}-${path.basename(file)}`);
  await fs.rename(file, target);
  return target;
}

/** Writes a new file; a symbolic link planted under its name is replaced, never followed. */
async function writeNew(file: string, text: string): Promise<void> {
  await fs.rm(file, { force: true });
  await fs.writeFile(file, text, { flag: 'wx' });
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}
