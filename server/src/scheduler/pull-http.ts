import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
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
  for (let attempt = 1; ; attempt++) {
    try {
      const body = await fetchOnce(source.fetch, options.timeoutMs);
      return { attempts: attempt, bytes: body.bytes.length, ...(await ingestBody(ctx, source, body)) };
    } catch (e) {
      const error = e instanceof PullError ? e : new PullError((e as Error).message, false);
      failures.push(`attempt ${attempt}: ${error.message}`);
      if (!error.retryable || attempt > options.retries) throw new JobFailure(failures.join('; '), { attempts: attempt });
      await sleep(options.retryBaseMs * 2 ** (attempt - 1));
    }
  }
}

interface Body {
  bytes: Buffer;
  json: boolean;
}

async function fetchOnce(fetchConfig: { url: string; header: { name: string; value: string } | null }, timeoutMs: number): Promise<Body> {
  const headers: Record<string, string> = { accept: 'text/csv, application/json;q=0.9, */*;q=0.5' };
  if (fetchConfig.header) headers[fetchConfig.header.name] = fetchConfig.header.value;
  let response: Response;
  try {
    response = await fetch(fetchConfig.url, { headers, signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    throw new PullError(`cannot reach ${redacted(fetchConfig.url)}: ${cause?.code ?? cause?.message ?? (e as Error).message}`, true);
  }
  if (!response.ok) {
    await response.body?.cancel();
    const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
    throw new PullError(`HTTP ${response.status} from ${redacted(fetchConfig.url)}`, retryable);
  }
  const bytes = Buffer.from(await response.arrayBuffer());
  return { bytes, json: /json/i.test(response.headers.get('content-type') ?? '') };
}

/** A URL without credentials or query string, for the records. */
function redacted(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}${u.pathname}`;
}

async function ingestBody(ctx: EngineContext, source: SourceConfig, body: Body): Promise<JobCounts> {
  const checksum = crypto.createHash('sha256').update(body.bytes).digest('hex');
  const [last] = await recentDeliveries(ctx.db, source.name, 1);
  if (last?.status === 'ok' && last.checksum === checksum) return { sameAsLastDelivery: true };
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'vs-pull-'));
  const stamp = ctx.clock.now().toISOString().replace(/[:.]/g, '-');
  const file = path.join(dir, `${source.name}-${stamp}.${body.json ? 'json' : 'csv'}`);
  try {
    await fs.writeFile(file, body.bytes);
    const r = await ingestFeed(ctx, file, { sourceName: source.name, columnMapping: source.columnMapping, allowedIndicators: source.indicators });
    return { read: r.read, stored: r.stored, updated: r.updated, unchanged: r.unchanged, quarantined: r.quarantined, unlinked: r.unlinked };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
