import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllowedHosts, type AllowedHost } from './core/outbound-address.ts';

// The one place that reads the environment. Everything else receives a Config.

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const DEVELOPMENT_BSN_KEY = 'vroegsignaal-development-key-not-for-production';

export type DatabaseTarget = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };

export interface Config {
  env: 'development' | 'test' | 'production';
  database: DatabaseTarget;
  /** Secret for the keyed hash (HMAC-SHA-256) that replaces every BSN. */
  bsnKey: string;
  /** Directory the operator's relative paths are resolved against. */
  workingDir: string;
  port: number;
  host: string;
  dataDir: string;
  retentionDays: number;
  quarantineRetentionDays: number;
  scoringCron: string;
  /** Cron of the nightly retention job (signals, quarantine). */
  retentionCron: string;
  /** HTTP pulls: attempts after the first, first back-off delay, time-out per attempt. */
  pullRetries: number;
  pullRetryBaseMs: number;
  pullTimeoutMs: number;
  /** Hosts an HTTP source may reach although they resolve to loopback, private or link-local addresses. */
  pullAllowedHosts: AllowedHost[];
  /** Where `start` generates the demo city (gitignored). */
  demoDir: string;
  /** Drop folders of sources configured through the API must lie inside this directory. */
  dropRoot: string;
  timeZone: string;
  /** Fixed "now" for reproducible runs (MPG_NOW, ISO date-time); unset in normal use. */
  fixedNow: string | null;
  /** Session cookies only over HTTPS (MPG_SECURE_COOKIES=1; always in production). */
  secureCookies: boolean;
  /** API requests per minute per client address (MPG_API_RATE_LIMIT). */
  apiRateLimit: number;
  /** Login requests per minute per client address (MPG_LOGIN_RATE_LIMIT). */
  loginRateLimit: number;
  /** The built dashboard the API server also serves, when it exists. */
  webDistDir: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const workingDir = env.INIT_CWD ?? process.cwd();
  const nodeEnv = env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  const bsnKey = env.MPG_BSN_KEY ?? DEVELOPMENT_BSN_KEY;
  if (nodeEnv === 'production' && (bsnKey === DEVELOPMENT_BSN_KEY || bsnKey.length < 32)) {
    throw new Error('MPG_BSN_KEY must be set to a secret of at least 32 characters in production');
  }
  return {
    env: nodeEnv,
    database: databaseTarget(env.DATABASE_URL, workingDir),
    bsnKey,
    workingDir,
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    dataDir: path.join(REPO_ROOT, 'data'),
    retentionDays: Number(env.MPG_RETENTION_DAYS ?? 730),
    quarantineRetentionDays: Number(env.MPG_QUARANTINE_RETENTION_DAYS ?? 90),
    scoringCron: env.MPG_SCORING_CRON ?? '0 6 * * 1',
    retentionCron: env.MPG_RETENTION_CRON ?? '30 2 * * *',
    pullRetries: Number(env.MPG_PULL_RETRIES ?? 3),
    pullRetryBaseMs: Number(env.MPG_PULL_RETRY_BASE_MS ?? 5000),
    pullTimeoutMs: Number(env.MPG_PULL_TIMEOUT_MS ?? 60000),
    pullAllowedHosts: parseAllowedHosts(env.MPG_PULL_ALLOWED_HOSTS),
    demoDir: path.resolve(workingDir, env.MPG_DEMO_DIR ?? path.join(REPO_ROOT, 'data', 'demo')),
    dropRoot: path.resolve(workingDir, env.MPG_DROP_ROOT ?? path.join(REPO_ROOT, 'data')),
    timeZone: env.MPG_TIME_ZONE ?? 'Europe/Amsterdam',
    fixedNow: env.MPG_NOW ?? null,
    secureCookies: nodeEnv === 'production' || env.MPG_SECURE_COOKIES === '1' || env.MPG_SECURE_COOKIES === 'true',
    apiRateLimit: Number(env.MPG_API_RATE_LIMIT ?? 1200),
    loginRateLimit: Number(env.MPG_LOGIN_RATE_LIMIT ?? 10),
    webDistDir: path.join(REPO_ROOT, 'web', 'dist'),
  };
}

function databaseTarget(url: string | undefined, workingDir: string): DatabaseTarget {
  if (url && /^postgres(ql)?:\/\//.test(url)) return { dialect: 'postgres', url };
  if (url) return { dialect: 'sqlite', file: path.resolve(workingDir, url.replace(/^sqlite:(\/\/)?/, '')) };
  return { dialect: 'sqlite', file: path.join(REPO_ROOT, 'data', 'vroegsignaal.sqlite') };
}
