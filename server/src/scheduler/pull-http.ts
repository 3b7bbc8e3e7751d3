import crypto from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import dns from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { recentDeliveries } from '../repositories/source-repository.ts';
import type { EngineContext } from '../services/context.ts';
import { ingestFeed } from '../services/feed-ingest.ts';
import { bareHost, isAllowedHost, refusedAddress, type AllowedHost } from '../core/outbound-address.ts';
import { redactedUrl, refusedUrl, type SourceConfig } from '../services/sources.ts';
import { JobFailure, type JobCounts } from './job-runner.ts';

// An HTTP(S) pull: fetch the source's URL (with its auth header), retry with
// exponential back-off, and ingest the body. Only global addresses are reached,
// unless the operator allows a host. A body identical to the last
// delivery is not ingested again (the engine would change nothing anyway).

export interface HttpPullOptions {
  retries: number;
  retryBaseMs: number;
  timeoutMs: number;
  /** Hosts that may be reached although their addresses are internal (MPG_PULL_ALLOWED_HOSTS). */
  allowedHosts: readonly AllowedHost[];
  sleep?: (ms: number) => Promise<void>;
  resolve?: Resolve;
}

class PullError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
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
        const body = await download(source.fetch, options, dir);
        return { attempts: attempt, bytes: body.bytes, ...(await ingestBody(ctx, source, body)) };
      } catch (e) {
        const error = e instanceof PullError ? e : new PullError(`de aanvraag kon niet worden gedaan (${codeOf(e) ?? 'onbekende fout'})`, false);
        failures.push(`poging ${attempt}: ${error.message}`);
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

const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Follows redirects by hand, each hop checked like the configured URL (scheme, no
 * credentials, host, and the address connected to); the source's header goes only to
 * the configured origin. The body is streamed to a file in `dir`, hashed on the way.
 */
async function download(fetchConfig: { url: string; header: { name: string; value: string } | null }, options: HttpPullOptions, dir: string): Promise<Body> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  const origin = new URL(fetchConfig.url).origin;
  let url = fetchConfig.url;
  for (let hop = 0; ; hop++) {
    const where = redactedUrl(url);
    const why = refusedUrl(url, options.allowedHosts);
    if (why) throw new PullError(`${where} geweigerd: ${why}`, false);
    const target = new URL(url);
    const headers: Record<string, string> = { accept: 'text/csv, application/json;q=0.9, */*;q=0.5' };
    if (fetchConfig.header && target.origin === origin) headers[fetchConfig.header.name] = fetchConfig.header.value;
    const response = await get(target, headers, options, signal, where);
    const status = response.statusCode ?? 0;
    if (REDIRECTS.has(status) && response.headers.location) {
      response.resume();
      if (hop >= MAX_REDIRECTS) throw new PullError(`meer dan ${MAX_REDIRECTS} doorverwijzingen vanaf ${redactedUrl(fetchConfig.url)}`, false);
      url = new URL(response.headers.location, target).toString();
      continue;
    }
    if (status < 200 || status > 299) {
      response.resume();
      throw new PullError(`HTTP ${status} van ${where}`, status >= 500 || status === 408 || status === 429);
    }
    return save(response, dir, where);
  }
}

class AddressRefused extends Error {
  constructor(host: string, address: string, why: string) {
    super(`${host} wijst naar ${address}, een intern adres (${why}); alleen de beheerder van de server kan zo'n host toestaan (MPG_PULL_ALLOWED_HOSTS)`);
  }
}

/** Host name → addresses; the system resolver unless a test maps names itself. */
export type Resolve = (hostname: string) => Promise<dns.LookupAddress[]>;
const systemResolve: Resolve = (hostname) => dns.promises.lookup(hostname, { all: true });

/**
 * A `lookup` for the socket that (when `guard`) refuses when any address of the name is
 * internal: the check is on the addresses the connection is made to, not on an earlier look-up.
 */
function lookupWith(resolve: Resolve, guard: boolean): LookupFunction {
  return ((hostname: string, options: dns.LookupOptions, callback: (err: Error | null, address: string | dns.LookupAddress[], family?: number) => void) => {
    resolve(hostname).then(
      (all) => {
        const addresses = options.family ? all.filter((a) => a.family === options.family) : all;
        const internal = guard ? addresses.find((a) => refusedAddress(a.address)) : undefined;
        if (internal) return callback(new AddressRefused(hostname, internal.address, refusedAddress(internal.address)!), '');
        if (addresses.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '');
        if (options.all) return callback(null, addresses);
        return callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (e: Error) => callback(e, ''),
    );
  }) as LookupFunction;
}

function get(url: URL, headers: Record<string, string>, options: HttpPullOptions, signal: AbortSignal, where: string): Promise<IncomingMessage> {
  const guarded = !isAllowedHost(url, options.allowedHosts);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.get(url, { headers, signal, agent: false, lookup: lookupWith(options.resolve ?? systemResolve, guarded) }, resolve);
    // Second line: the peer of the socket itself (an IP literal is never looked up).
    if (guarded) {
      request.once('socket', (socket) =>
        socket.once('connect', () => {
          const why = socket.remoteAddress ? refusedAddress(socket.remoteAddress) : null;
          if (why) request.destroy(new AddressRefused(bareHost(url.hostname), socket.remoteAddress!, why));
        }),
      );
    }
    request.once('error', (e) => {
      if (e instanceof AddressRefused) reject(new PullError(`${where} geweigerd: ${e.message}`, false));
      else reject(new PullError(`kan ${where} niet bereiken: ${causeOf(e)}`, true));
    });
  });
}

async function save(response: IncomingMessage, dir: string, where: string): Promise<Body> {
  const json = /json/i.test(response.headers['content-type'] ?? '');
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
    await pipeline(response, tap, createWriteStream(file));
  } catch (e) {
    throw new PullError(`download van ${where} brak af: ${causeOf(e)}`, true);
  }
  return { file, checksum: hash.digest('hex'), bytes, json };
}

/** Node's error code, never its (English, sometimes secret-bearing) message. */
function codeOf(e: unknown): string | undefined {
  const err = e as { code?: unknown; cause?: { code?: unknown } };
  const code = err.code ?? err.cause?.code;
  return typeof code === 'string' && /^[A-Z0-9_]+$/.test(code) ? code : undefined;
}

const REASONS: Record<string, string> = {
  ECONNREFUSED: 'verbinding geweigerd',
  ECONNRESET: 'verbinding verbroken',
  EPIPE: 'verbinding verbroken',
  ENOTFOUND: 'host onbekend',
  EAI_AGAIN: 'host (nog) niet op te zoeken',
  ETIMEDOUT: 'time-out',
  EHOSTUNREACH: 'host onbereikbaar',
  ENETUNREACH: 'netwerk onbereikbaar',
  CERT_HAS_EXPIRED: 'certificaat verlopen',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'certificaat niet vertrouwd',
  SELF_SIGNED_CERT_IN_CHAIN: 'certificaat niet vertrouwd',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'certificaat niet vertrouwd',
  ERR_TLS_CERT_ALTNAME_INVALID: 'certificaat hoort niet bij deze host',
  HPE_INVALID_CONSTANT: 'ongeldig HTTP-antwoord',
  ERR_STREAM_PREMATURE_CLOSE: 'verbinding voortijdig gesloten',
};

/** A Dutch reason with only Node's code kept (for looking it up). */
function causeOf(e: unknown): string {
  if ((e as Error).name === 'AbortError' || (e as Error).name === 'TimeoutError') return 'time-out';
  const code = codeOf(e);
  if (!code) return 'onbekende fout';
  return `${REASONS[code] ?? 'netwerkfout'} (${code})`;
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
