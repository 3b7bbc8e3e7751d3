import path from 'node:path';
import cron from 'node-cron';
import { FEED_COLUMNS, isIndicator } from '@vroegsignaal/shared';
import type { Clock } from '../core/clock.ts';
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

export class SourceInvalid extends Error {
  override name = 'SourceInvalid';
  constructor(readonly errors: string[]) {
    super(`the source is invalid: ${errors.join('; ')}`);
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
    name: row.name, indicators: JSON.parse(row.indicators) as string[], fetch, schedule: row.schedule,
    expectedIntervalDays: row.expected_interval_days, columnMapping: row.column_mapping ? (JSON.parse(row.column_mapping) as Record<string, string>) : null,
    enabled: row.enabled === 1, createdAt: row.created_at, updatedAt: row.updated_at,
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

/** Limits on what a source may point at, for input from the API (the CLI operator has a shell anyway). */
export interface SourcePolicy {
  /** A drop folder must lie inside this directory. */
  folderRoot?: string;
}

export async function addSource(db: Db, clock: Clock, input: SourceInput, policy: SourcePolicy = {}): Promise<SourceConfig> {
  const at = clock.now().toISOString();
  const config = checkSource(input, null, at, policy);
  if (await findSource(db, config.name)) throw new SourceInvalid([`a source named '${config.name}' already exists`]);
  await insertSource(db, rowOf(config));
  return config;
}

/** Changes the given fields of a source; the rest stays as it was. */
export async function changeSource(db: Db, clock: Clock, name: string, input: SourceInput, policy: SourcePolicy = {}): Promise<SourceConfig> {
  const current = await getSourceConfig(db, name);
  if (input.name !== undefined && input.name !== name) throw new SourceInvalid(['a source cannot be renamed (its name is on its signals)']);
  const config = checkSource(input, current, clock.now().toISOString(), policy);
  await updateSource(db, name, rowOf(config));
  return config;
}

export async function removeSource(db: Db, name: string): Promise<void> {
  if (!(await deleteSource(db, name))) throw new SourceNotFound(name);
}

/** Validates input over an existing config (update) or from scratch (add); every mistake is reported. */
export function checkSource(input: SourceInput, current: SourceConfig | null, at: string, policy: SourcePolicy = {}): SourceConfig {
  const errors: string[] = [];
  const name = input.name ?? current?.name ?? '';
  if (!NAME.test(name)) errors.push('name must be 1-64 lower-case letters, digits, dots, dashes or underscores');
  const indicators = input.indicators ?? current?.indicators ?? [];
  if (!Array.isArray(indicators) || indicators.length === 0) errors.push('indicators must list at least one indicator');
  else for (const i of indicators) if (!isIndicator(i)) errors.push(`indicator '${i}' is not in the catalogue`);
  const fetch = fetchOf(input, current, errors);
  if (input.folder !== undefined && policy.folderRoot && !isInside(policy.folderRoot, input.folder)) {
    errors.push(`folder must be an absolute path inside ${policy.folderRoot}`);
  }
  const schedule = input.schedule ?? current?.schedule ?? (fetch ? DEFAULT_SCHEDULE[fetch.kind] : '');
  if (!isFiveFieldCron(schedule)) errors.push(`schedule '${schedule}' is not a valid cron expression of 5 fields`);
  const interval = input.expectedIntervalDays ?? current?.expectedIntervalDays ?? 7;
  if (!Number.isInteger(interval) || interval < 1 || interval > 366) errors.push('expectedIntervalDays must be a whole number of days, 1 to 366');
  const columnMapping = mappingOf(input.columnMapping === undefined ? current?.columnMapping ?? null : input.columnMapping, errors);
  if (errors.length || !fetch) throw new SourceInvalid(errors);
  return {
    name, indicators: [...new Set(indicators)], fetch, schedule, expectedIntervalDays: interval, columnMapping,
    enabled: input.enabled ?? current?.enabled ?? true, createdAt: current?.createdAt ?? at, updatedAt: at,
  };
}

function isInside(root: string, folder: string): boolean {
  if (!path.isAbsolute(folder)) return false;
  const relative = path.relative(path.resolve(root), path.resolve(folder));
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

export function isFiveFieldCron(expression: string): boolean {
  return expression.trim().split(/\s+/).length === 5 && cron.validate(expression);
}

function fetchOf(input: SourceInput, current: SourceConfig | null, errors: string[]): SourceFetch | null {
  if (input.folder !== undefined && input.url !== undefined) {
    errors.push('give either folder or url, not both');
    return null;
  }
  if (input.folder !== undefined) {
    if (input.folder.trim() === '') errors.push('folder must not be empty');
    return { kind: 'folder', folder: input.folder };
  }
  if (input.url !== undefined) return httpFetch(input.url, input.authHeader ?? null, errors);
  if (current?.fetch.kind === 'http' && input.authHeader !== undefined) return httpFetch(current.fetch.url, input.authHeader, errors);
  if (current) return current.fetch;
  errors.push('give a folder (drop folder) or a url (HTTP pull)');
  return null;
}

function httpFetch(url: string, header: { name: string; value: string } | null, errors: string[]): SourceFetch {
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    // reported below
  }
  if (!parsed || !['http:', 'https:'].includes(parsed.protocol)) errors.push(`url '${url}' is not an http(s) URL`);
  if (header && !/^[A-Za-z0-9-]+$/.test(header.name ?? '')) errors.push('authHeader.name must be an HTTP header name');
  return { kind: 'http', url, header };
}

const CONTRACT_COLUMNS = new Set<string>(FEED_COLUMNS);

function mappingOf(mapping: Record<string, string> | null, errors: string[]): Record<string, string> | null {
  if (mapping === null) return null;
  if (typeof mapping !== 'object' || Array.isArray(mapping)) {
    errors.push('columnMapping must be an object of the source\'s column name → the contract\'s');
    return null;
  }
  const out: Record<string, string> = {};
  for (const [from, to] of Object.entries(mapping)) {
    const target = String(to).trim().toLowerCase();
    if (from.trim() === '') errors.push('columnMapping has an empty column name');
    if (!CONTRACT_COLUMNS.has(target)) errors.push(`columnMapping maps '${from}' to '${to}', which is not a feed column (${FEED_COLUMNS.join(', ')})`);
    out[from.trim().toLowerCase()] = target;
  }
  return Object.keys(out).length ? out : null;
}

function rowOf(c: SourceConfig) {
  return {
    name: c.name, indicators: JSON.stringify(c.indicators), fetch_kind: c.fetch.kind,
    location: c.fetch.kind === 'folder' ? c.fetch.folder : c.fetch.url,
    auth_header_name: c.fetch.kind === 'http' ? c.fetch.header?.name ?? null : null,
    auth_header_value: c.fetch.kind === 'http' ? c.fetch.header?.value ?? null : null,
    schedule: c.schedule, expected_interval_days: c.expectedIntervalDays,
    column_mapping: c.columnMapping ? JSON.stringify(c.columnMapping) : null, enabled: c.enabled ? 1 : 0,
    created_at: c.createdAt, updated_at: c.updatedAt,
  };
}
