import dns from 'node:dns/promises';
import http from 'node:http';
import path from 'node:path';
import cron from 'node-cron';
import { FEED_COLUMNS, isIndicator } from '@vroegsignaal/shared';
import type { Config } from '../config.ts';
import type { Clock } from '../core/clock.ts';
import { dropFolderPath, isStrictlyInside, OutsideDropRoot, realDropFolder, realPathSoFar } from '../core/drop-folder.ts';
import { bareHost, isAllowedHost, refusedAddress, refusedHost, type AllowedHost } from '../core/outbound-address.ts';
import { isUniqueViolation } from '../db/errors.ts';
import type { Db } from '../db/connection.ts';
import { deleteSource, findSource, insertSource, listSources, updateSource, type SourceRow } from '../repositories/source-repository.ts';

// Sources are configured data: a beheerder connects a new one without code.

export type SourceFetch = { kind: 'folder'; folder: string } | { kind: 'http'; url: string; header: { name: string; value: string } | null };

export interface SourceConfig {
  name: string;
  indicators: string[];
  fetch: SourceFetch;
  /** Cron expression (5 fields) in the configured time zone. */
  schedule: string;
  expectedIntervalDays: number;
  /** The source's own column name → the contract's; null when it uses the contract's names. */
  columnMapping: Record<string, string> | null;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

/** What a beheerder gives (JSON file, CLI flags, later the API). */
export interface SourceInput {
  name?: string;
  indicators?: string[];
  folder?: string;
  url?: string;
  authHeader?: { name: string; value: string } | null;
  schedule?: string;
  expectedIntervalDays?: number;
  columnMapping?: Record<string, string> | null;
  enabled?: boolean;
}

/** One mistake in a source: the field as the API names it, and why (Dutch). */
export interface SourceProblem {
  field: string;
  message: string;
}

export class SourceInvalid extends Error {
  override name = 'SourceInvalid';
  constructor(readonly problems: SourceProblem[]) {
    super(`de bron is ongeldig: ${problems.map((p) => p.message).join('; ')}`);
  }
  get errors(): string[] {
    return this.problems.map((p) => p.message);
  }
}

export class SourceNotFound extends Error {
  override name = 'SourceNotFound';
  constructor(name: string) {
    super(`there is no source '${name}'`);
  }
}

const DEFAULT_SCHEDULE = { folder: '*/5 * * * *', http: '0 * * * *' } as const;
const NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export function toSourceConfig(row: SourceRow): SourceConfig {
  const fetch: SourceFetch =
    row.fetch_kind === 'folder'
      ? { kind: 'folder', folder: row.location }
      : { kind: 'http', url: row.location, header: row.auth_header_name ? { name: row.auth_header_name, value: row.auth_header_value ?? '' } : null };
  return {
    name: row.name,
    indicators: JSON.parse(row.indicators) as string[],
    fetch,
    schedule: row.schedule,
    expectedIntervalDays: row.expected_interval_days,
    columnMapping: row.column_mapping ? (JSON.parse(row.column_mapping) as Record<string, string>) : null,
    enabled: row.enabled === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listSourceConfigs(db: Db): Promise<SourceConfig[]> {
  return (await listSources(db)).map(toSourceConfig);
}

export async function getSourceConfig(db: Db, name: string): Promise<SourceConfig> {
  const row = await findSource(db, name);
  if (!row) throw new SourceNotFound(name);
  return toSourceConfig(row);
}

/** Where sources may point (from the configuration), for every way a source is added or changed. */
export interface SourcePolicy {
  /** A drop folder must lie inside this directory, also after following symbolic links; relative folders are resolved against it. */
  dropRoot: string;
  /** Hosts a URL may reach although their addresses are internal. */
  allowedHosts: readonly AllowedHost[];
  /** Other configured places a drop folder may not hold (the scheduler moves files out of it). */
  protectedPlaces?: readonly ProtectedPlace[];
}

export interface ProtectedPlace {
  /** What lies there, as the beheerder reads it. */
  what: string;
  path: string;
}

export function sourcePolicy(config: Pick<Config, 'dropRoot' | 'pullAllowedHosts'> & Partial<Pick<Config, 'database' | 'demoDir'>>): SourcePolicy {
  const places: ProtectedPlace[] = [];
  if (config.database?.dialect === 'sqlite') places.push({ what: 'het databasebestand', path: path.resolve(config.database.file) });
  if (config.demoDir) places.push({ what: 'de demomap met de basisregistratie en truth.csv', path: config.demoDir });
  return { dropRoot: config.dropRoot, allowedHosts: config.pullAllowedHosts, protectedPlaces: places };
}

export async function addSource(db: Db, clock: Clock, input: SourceInput, policy: SourcePolicy): Promise<SourceConfig> {
  const at = clock.now().toISOString();
  const config = checkSource(input, null, at, policy);
  await checkPlace(db, config, policy);
  const taken = () => new SourceInvalid([{ field: 'name', message: `er bestaat al een bron '${config.name}'` }]);
  if (await findSource(db, config.name)) throw taken();
  try {
    await insertSource(db, rowOf(config));
  } catch (e) {
    throw isUniqueViolation(e) ? taken() : e;
  }
  return config;
}

/** Changes the given fields of a source; the rest stays as it was. A new folder or URL is checked again. */
export async function changeSource(db: Db, clock: Clock, name: string, input: SourceInput, policy: SourcePolicy): Promise<SourceConfig> {
  const current = await getSourceConfig(db, name);
  if (input.name !== undefined && input.name !== name)
    throw new SourceInvalid([{ field: 'name', message: 'een bron krijgt geen andere naam (de naam staat op haar signalen)' }]);
  const config = checkSource(input, current, clock.now().toISOString(), policy);
  if (input.folder !== undefined || input.url !== undefined) await checkPlace(db, config, policy);
  await updateSource(db, name, rowOf(config));
  return config;
}

/** What needs the file system or the resolver: the folder's real path, the addresses of the URL's host. */
async function checkPlace(db: Db, config: SourceConfig, policy: SourcePolicy): Promise<void> {
  if (config.fetch.kind === 'folder') {
    let real: string;
    try {
      real = await realDropFolder(policy.dropRoot, config.fetch.folder);
    } catch (e) {
      if (e instanceof OutsideDropRoot) throw new SourceInvalid([{ field: 'folder', message: e.message }]);
      throw e;
    }
    const why = await folderConflict(db, config.name, real, policy);
    if (why) throw new SourceInvalid([{ field: 'folder', message: why }]);
    return;
  }
  const why = await refusedResolvedHost(new URL(config.fetch.url), policy.allowedHosts);
  if (why) throw new SourceInvalid([{ field: 'url', message: why }]);
}

/**
 * Why a drop folder (its real path) may not be this source's, or null: it is, holds or lies
 * inside another source's folder (whose processed/ and failed/ it would read or empty), or
 * it holds another configured place (the database file, the demo registry). Also checked at every pull.
 */
export async function folderConflict(db: Db, name: string, real: string, policy: SourcePolicy): Promise<string | null> {
  const holds = (place: string) => place === real || isStrictlyInside(real, place);
  for (const place of policy.protectedPlaces ?? []) {
    const placeReal = await realPathSoFar(path.resolve(place.path));
    if (holds(placeReal)) return `map ${real} bevat ${place.what} (${placeReal}); kies een eigen map voor de leveringen van deze bron`;
  }
  for (const other of await listSourceConfigs(db)) {
    if (other.name === name || other.fetch.kind !== 'folder') continue;
    const otherReal = await realPathSoFar(other.fetch.folder);
    const how = otherReal === real ? 'is dezelfde als' : isStrictlyInside(real, otherReal) ? 'bevat' : isStrictlyInside(otherReal, real) ? 'ligt binnen' : null;
    if (how) return `map ${real} ${how} de map van bron '${other.name}' (${otherReal}, met haar processed/ en failed/); elke bron heeft een eigen map`;
  }
  return null;
}

/**
 * A host name whose addresses are internal now is refused at once (the pull checks
 * again at connect time); a name that does not resolve now may still be right later.
 */
async function refusedResolvedHost(url: URL, allowed: readonly AllowedHost[]): Promise<string | null> {
  if (isAllowedHost(url, allowed)) return null;
  const host = bareHost(url.hostname);
  const addresses = await dns.lookup(host, { all: true }).catch(() => []);
  const internal = addresses.find((a) => refusedAddress(a.address));
  return internal
    ? `${host} wijst naar ${internal.address}, een intern adres (${refusedAddress(internal.address)}); alleen de beheerder van de server kan zo'n host toestaan (MPG_PULL_ALLOWED_HOSTS)`
    : null;
}

export async function removeSource(db: Db, name: string): Promise<void> {
  if (!(await deleteSource(db, name))) throw new SourceNotFound(name);
}

/** Validates input over an existing config (update) or from scratch (add); every mistake is reported. */
export function checkSource(input: SourceInput, current: SourceConfig | null, at: string, policy: SourcePolicy): SourceConfig {
  const problems: SourceProblem[] = [];
  const problem = (field: string, message: string) => void problems.push({ field, message });
  const name = input.name ?? current?.name ?? '';
  if (!NAME.test(name)) problem('name', 'naam: 1 tot 64 kleine letters, cijfers, punten, streepjes of liggende streepjes');
  const indicators = input.indicators ?? current?.indicators ?? [];
  if (!Array.isArray(indicators) || indicators.length === 0) problem('indicators', 'noem ten minste één indicator');
  else for (const i of indicators) if (!isIndicator(i)) problem('indicators', `indicator '${i}' staat niet in de catalogus`);
  const fetch = fetchOf(input, current, policy, problem);
  const schedule = input.schedule ?? current?.schedule ?? (fetch ? DEFAULT_SCHEDULE[fetch.kind] : '');
  if (!isFiveFieldCron(schedule)) problem('schedule', `schema '${schedule}' is geen geldige cron-expressie van 5 velden`);
  const interval = input.expectedIntervalDays ?? current?.expectedIntervalDays ?? 7;
  if (!Number.isInteger(interval) || interval < 1 || interval > 366) problem('expected_interval_days', 'verwachte interval: een heel aantal dagen, 1 tot 366');
  const columnMapping = mappingOf(input.columnMapping === undefined ? (current?.columnMapping ?? null) : input.columnMapping, problem);
  if (problems.length || !fetch) throw new SourceInvalid(problems);
  return {
    name,
    indicators: [...new Set(indicators)],
    fetch,
    schedule,
    expectedIntervalDays: interval,
    columnMapping,
    enabled: input.enabled ?? current?.enabled ?? true,
    createdAt: current?.createdAt ?? at,
    updatedAt: at,
  };
}

type Problem = (field: string, message: string) => void;

export function isFiveFieldCron(expression: string): boolean {
  return expression.trim().split(/\s+/).length === 5 && cron.validate(expression);
}

function fetchOf(input: SourceInput, current: SourceConfig | null, policy: SourcePolicy, problem: Problem): SourceFetch | null {
  if (input.folder !== undefined && input.url !== undefined) {
    problem('folder', 'geef een map of een URL, niet allebei');
    return null;
  }
  if (input.folder !== undefined) {
    if (input.folder.trim() === '') problem('folder', 'de map mag niet leeg zijn');
    return { kind: 'folder', folder: dropFolderPath(policy.dropRoot, input.folder) };
  }
  if (input.url !== undefined) return httpFetch(input.url, input.authHeader ?? null, policy, problem);
  if (current?.fetch.kind === 'http' && input.authHeader !== undefined) return httpFetch(current.fetch.url, input.authHeader, policy, problem);
  if (current) return current.fetch;
  problem('folder', 'geef een map (afleveren in een map) of een URL (ophalen over HTTP)');
  return null;
}

function httpFetch(url: string, header: { name: string; value: string } | null, policy: SourcePolicy, problem: Problem): SourceFetch {
  const why = refusedUrl(url, policy.allowedHosts);
  if (why) problem('url', why);
  if (header) headerProblems(header, problem);
  return { kind: 'http', url, header };
}

/** Headers the HTTP client sets itself, or that would change what or where is asked. */
const RESERVED_HEADERS = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'cookie']);

function headerProblems(header: { name: string; value: string }, problem: Problem): void {
  try {
    http.validateHeaderName(header.name);
    if (RESERVED_HEADERS.has(header.name.toLowerCase()))
      problem('auth_header.name', `header ${header.name} zet de server zelf; kies een andere naam (bijvoorbeeld Authorization of X-Api-Key)`);
  } catch {
    problem('auth_header.name', "de naam van de header mag alleen letters, cijfers en !#$%&'*+-.^_`|~ bevatten");
  }
  try {
    http.validateHeaderValue(header.name || 'x', header.value);
  } catch {
    problem('auth_header.value', 'de waarde van de header mag geen regeleinde, NUL-teken of ander stuurteken bevatten');
  }
}

/**
 * Why a URL may not be pulled, before any connection (Dutch, without the URL's secrets),
 * or null. The same check runs for every redirect a pull follows.
 */
export function refusedUrl(url: string, allowed: readonly AllowedHost[]): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'de URL is geen geldige http(s)-URL';
  }
  if (!['http:', 'https:'].includes(parsed.protocol)) return `alleen http- en https-URL's, geen ${parsed.protocol.replace(/:$/, '')}:`;
  if (parsed.username || parsed.password)
    return 'zet geen gebruikersnaam of wachtwoord in de URL; geef ze in de authenticatieheader (auth_header, bijvoorbeeld Authorization: Basic …), die nooit wordt teruggegeven';
  const why = refusedHost(parsed, allowed);
  return why && `${why}; alleen de beheerder van de server kan zo'n host toestaan (MPG_PULL_ALLOWED_HOSTS)`;
}

/**
 * A URL to show or record: user name and password (of a source stored before they were
 * refused) and the fragment left out, every query value replaced by … (tokens often travel there).
 */
export function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    const keys = [...u.searchParams.keys()].map((k) => `${encodeURIComponent(k)}=…`);
    return `${u.protocol}//${u.host}${u.pathname}${keys.length ? `?${keys.join('&')}` : ''}`;
  } catch {
    return '(ongeldige URL)';
  }
}

const CONTRACT_COLUMNS = new Set<string>(FEED_COLUMNS);

function mappingOf(mapping: Record<string, string> | null, problem: Problem): Record<string, string> | null {
  if (mapping === null) return null;
  if (typeof mapping !== 'object' || Array.isArray(mapping)) {
    problem('column_mapping', 'kolomtoewijzing: een object van de kolomnaam van de bron naar die van het contract');
    return null;
  }
  const out: Record<string, string> = {};
  for (const [from, to] of Object.entries(mapping)) {
    const target = String(to).trim().toLowerCase();
    if (from.trim() === '') problem('column_mapping', 'kolomtoewijzing heeft een lege kolomnaam');
    if (!CONTRACT_COLUMNS.has(target))
      problem('column_mapping', `kolomtoewijzing zet '${from}' om naar '${to}', geen kolom van een levering (${FEED_COLUMNS.join(', ')})`);
    out[from.trim().toLowerCase()] = target;
  }
  return Object.keys(out).length ? out : null;
}

function rowOf(c: SourceConfig) {
  return {
    name: c.name,
    indicators: JSON.stringify(c.indicators),
    fetch_kind: c.fetch.kind,
    location: c.fetch.kind === 'folder' ? c.fetch.folder : c.fetch.url,
    auth_header_name: c.fetch.kind === 'http' ? (c.fetch.header?.name ?? null) : null,
    auth_header_value: c.fetch.kind === 'http' ? (c.fetch.header?.value ?? null) : null,
    schedule: c.schedule,
    expected_interval_days: c.expectedIntervalDays,
    column_mapping: c.columnMapping ? JSON.stringify(c.columnMapping) : null,
    enabled: c.enabled ? 1 : 0,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
  };
}
