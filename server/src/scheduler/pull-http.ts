import crypto from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { recentDeliveries } from '../repositories/source-repository.ts';
import type { EngineContext } from '../services/context.ts';
import { ingestFeed } from '../services/feed-ingest.ts';
import type { SourceConfig } from '../services/sources.ts';
import { JobFailure, type JobCounts } from './job-runner.ts';

// An HTTP(S) pull: fetch the source's URL (with its auth header), retry with
// exponential back-off, and ingest the body. A body identical to the last
// delivery is not ingested again (the engine would change nothing anyway).

export interface HttpPullOptions {
  retries: number;
  retryBaseMs: number;
  timeoutMs: number;
  sleep?: (ms: number) => Promise<void>;
}

class PullError extends Error {
  constructor(message: string, readonly retryable: boolean) {
    super(message);
  }
}

export async function pullHttp(ctx: EngineContext, source: SourceConfig & { fetch: { kind: 'http' } }, options: HttpPullOptions): Promise<JobCounts> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const failures: string[] = [];
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'vs-pull-'));
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        const body = await download(source.fetch, options.timeoutMs, dir);
        return { attempts: attempt, bytes: body.bytes, ...(await ingestBody(ctx, source, body)) };
      } catch (e) {
        const error = e instanceof PullError ? e : new PullError((e as Error).message, false);
        failures.push(`attempt ${attempt}: ${error.message}`);
        if (!error.retryable || attempt > options.retries) throw new JobFailure(failures.join('; '), { attempts: attempt });
        await sleep(options.retryBaseMs * 2 ** (attempt - 1));
      }
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

interface Body {
  file: string;
  checksum: string;
  bytes: number;
  json: boolean;
}

/** Streams the response to a file in `dir`, hashing it on the way (a delivery may be large). */
async function download(fetchConfig: { url: string; header: { name: string; value: string } | null }, timeoutMs: number, dir: string): Promise<Body> {
  const headers: Record<string, string> = { accept: 'text/csv, application/json;q=0.9, */*;q=0.5' };
  if (fetchConfig.header) headers[fetchConfig.header.name] = fetchConfig.header.value;
  const where = redacted(fetchConfig.url);
  let response: Response;
  try {
    response = await fetch(fetchConfig.url, { headers, signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  } catch (e) {
    throw new PullError(`cannot reach ${where}: ${causeOf(e)}`, true);
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
    throw new PullError(`HTTP ${response.status} from ${where}`, retryable);
  }
  const json = /json/i.test(response.headers.get('content-type') ?? '');
  const file = path.join(dir, `download.${json ? 'json' : 'csv'}`);
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), tap, createWriteStream(file));
  } catch (e) {
    throw new PullError(`download from ${where} broke off: ${causeOf(e)}`, true);
  }
  return { file, checksum: hash.digest('hex'), bytes, json };
}

function causeOf(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (e as Error).message;
}

/** A URL without credentials or query string, for the records. */
function redacted(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}${u.pathname}`;
}

async function ingestBody(ctx: EngineContext, source: SourceConfig, body: Body): Promise<JobCounts> {
  const [last] = await recentDeliveries(ctx.db, source.name, 1);
  if (last?.status === 'ok' && last.checksum === body.checksum) return { sameAsLastDelivery: true };
  const stamp = ctx.clock.now().toISOString().replace(/[:.]/g, '-');
  const file = path.join(path.dirname(body.file), `${source.name}-${stamp}.${body.json ? 'json' : 'csv'}`);
  await fs.rename(body.file, file);
  const r = await ingestFeed(ctx, file, { sourceName: source.name, columnMapping: source.columnMapping, allowedIndicators: source.indicators });
  return { read: r.read, stored: r.stored, updated: r.updated, unchanged: r.unchanged, quarantined: r.quarantined, unlinked: r.unlinked };
}
