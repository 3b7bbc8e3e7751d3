import path from 'node:path';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseAllowedHosts, type AllowedHost } from './core/outbound-address.ts';
import { parseUrgentIndicators, type DeadlinePolicy } from './core/deadlines.ts';
import cron from 'node-cron';
import { Type, type Static, type TSchema } from 'typebox';
import { Format } from 'typebox/format';
import { Value } from 'typebox/value';
import { ROLES, type Role } from '@vroegsignaal/shared/api/auth';

// The one place that reads the environment. Everything else receives a Config.
// The environment is checked against one schema before anything runs: a value
// that does not fit stops the program with one line naming the variable.

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
  /** Audit entries older than this are deleted by the nightly retention job (MPG_AUDIT_RETENTION_DAYS). */
  auditRetentionDays: number;
  scoringCron: string;
  /** Cron of the daily job that returns concluded cases to the worklist on their review date. */
  reviewCron: string;
  /** Cron of the nightly retention job (signals, quarantine, audit log). */
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
  /**
   * The proxies whose X-Forwarded-For is believed, as fastify's trustProxy takes them
   * (MPG_TRUST_PROXY): false (off), a number of hops, or addresses and CIDR ranges.
   */
  trustProxy: false | number | string[];
  /** Sign-in through the municipality's OpenID Connect provider; null when not configured. */
  oidc: OidcConfig | null;
  /** Whether username and password sign-in is offered (MPG_LOCAL_LOGIN, default on). */
  localLogin: boolean;
  /** The built dashboard the API server also serves, when it exists. */
  webDistDir: string;
  /** What the municipality publishes about the system: public page, Algoritmeregister, DPIA. */
  publication: PublicationConfig;
  /** First-contact deadlines per triage episode (MPG_FIRST_CONTACT_DAYS, MPG_URGENT_INDICATORS). */
  deadlines: DeadlinePolicy;
  /** The organisations a regisseur (lead professional) can come from (MPG_PARTNER_ORGANISATIONS). */
  partnerOrganisations: string[];
  /** E-mail notifications through the municipality's SMTP server (MPG_SMTP_*, MPG_MAIL_*). */
  notifications: NotificationConfig;
  /** Every local account needs a second factor (TOTP): always in production, else MPG_REQUIRE_TOTP=1. */
  requireTotp: boolean;
  /** Accounts not signed in for this many days are deactivated by the nightly job (MPG_INACTIVITY_DAYS). */
  inactivityDays: number;
}

export interface SmtpConfig {
  host: string;
  port: number;
  /** `tls`: TLS from the start (usually port 465); `starttls`: upgrade required; `none`: plain (tests, a local relay). */
  security: 'starttls' | 'tls' | 'none';
  /** Null when the server takes mail without signing in. */
  auth: { user: string; pass: string } | null;
}

export interface NotificationConfig {
  /** Null when MPG_SMTP_HOST is unset: nothing is sent, the outbox waits. */
  smtp: SmtpConfig | null;
  from: string;
  /** The dashboard's address, the only link in an e-mail. */
  dashboardUrl: string;
  /** How many days before the first-contact due date the reminder goes. */
  deadlineNoticeDays: number;
  cron: string;
  /** Delivery attempts after the first, and the first back-off delay (doubling). */
  retries: number;
  retryBaseMs: number;
}

export const DEFAULT_PARTNER_ORGANISATIONS = ['Wijkteam', 'GGD', 'Schuldhulpverlening', 'Woningcorporatie', 'Veilig Thuis', 'Leerplicht', 'Jeugdbescherming'];

export const PUBLICATION_CATEGORIES = ['Hoog-risico AI-systemen', 'Impactvolle algoritmes', 'Overige algoritmes'] as const;

/** The municipality's own words and details; null where it has not filled them in (never invented). */
export interface PublicationConfig {
  organisation: string | null;
  /** An e-mail address or https URL. */
  contact: string | null;
  publicPageUrl: string | null;
  legalBasis: string;
  /** False while legalBasis is the product's default text. */
  legalBasisConfigured: boolean;
  legalBasisTitle: string | null;
  legalBasisUrl: string | null;
  processingRegisterUrl: string | null;
  impactAssessments: string | null;
  impactAssessmentUrl: string | null;
  /** How to ask for access, correction or objection. */
  rights: string;
  supplier: string | null;
  sourceCodeUrl: string | null;
  themes: string[];
  registerId: string | null;
  category: (typeof PUBLICATION_CATEGORIES)[number];
}

/**
 * Default legal basis: the AVG's public task, with the two laws that name early warning as
 * the municipality's task (Wgs art. 3 for payment arrears since 2021; Jeugdwet art. 2.1 for
 * the early signalling of problems in growing up). The municipality must confirm it per source.
 */
export const DEFAULT_LEGAL_BASIS =
  'De gemeente verwerkt deze gegevens voor een taak van algemeen belang (artikel 6, eerste lid, onder e, van de ' +
  'Algemene verordening gegevensbescherming). Die taak staat in de Wet gemeentelijke schuldhulpverlening (artikel 3: ' +
  'vroegsignalering van betalingsachterstanden bij huur, energie, water en zorgverzekering) en in de Jeugdwet ' +
  '(artikel 2.1: het voorkomen en het vroeg signaleren van opgroei- en opvoedingsproblemen). De gemeente moet per bron ' +
  'vaststellen dat de levering op deze wetten steunt; zolang zij deze tekst niet heeft aangepast, is dat nog niet gebeurd.';

export const DEFAULT_RIGHTS =
  'U mag vragen of er gegevens over u of uw gezin in Vroegsignaal staan en welke (inzage), onjuiste gegevens laten ' +
  'verbeteren (correctie) en bezwaar maken tegen het gebruik ervan. Stuur uw verzoek aan de gemeente, bij voorkeur aan het contactadres hieronder. ' +
  'De gemeente antwoordt binnen een maand. Bent u het niet eens met het antwoord, dan kunt u een klacht indienen bij de ' +
  'Autoriteit Persoonsgegevens.';

// What JSON Schema cannot say about a string; the scheduler ticks once a minute, so 5 fields.
Format.Set('mpg-cron', (v) => v.trim().split(/\s+/).length === 5 && cron.validate(v));
Format.Set('mpg-time-zone', isTimeZone);
Format.Set('mpg-urgent', (v) => parseUrgentIndicators(v) !== null);
Format.Set('mpg-oidc-role-map', (v) => parseRoleMap(v) !== null);
Format.Set('mpg-instant', (v) => /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v)));

/** A whole number in [min, max], written in decimal digits only (`range` is checked after the schema). */
const whole = (min: number, max: number, fallback: number) =>
  Type.String({ pattern: '^[0-9]{1,10}$', range: [min, max], default: String(fallback), expected: `a whole number from ${min} to ${max}` });
const cronExpression = (fallback: string) =>
  Type.String({ format: 'mpg-cron', default: fallback, expected: 'a cron expression of 5 fields, e.g. "30 2 * * *"' });
const text = (fallback?: string) => Type.String({ minLength: 1, ...(fallback === undefined ? {} : { default: fallback }), expected: 'a non-empty value' });

const DAY_MAX = 100 * 366;

const httpsUrl = Type.Optional(Type.String({ pattern: '^https://[^\\s]+$', maxLength: 2000, expected: 'an https:// URL' }));
const limited = (max: number) => Type.Optional(Type.String({ minLength: 1, maxLength: max, pattern: '\\S', expected: `a text of 1 to ${max} characters` }));
const EMAIL = '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$';

/** Every variable the program reads, with its default. */
export const EnvSchema = Type.Object({
  NODE_ENV: Type.Union([Type.Literal('development'), Type.Literal('production'), Type.Literal('test')], {
    default: 'development',
    expected: 'one of development, production, test',
  }),
  DATABASE_URL: Type.Optional(text()),
  MPG_BSN_KEY: Type.Optional(text()),
  INIT_CWD: Type.Optional(text()),
  HOST: text('127.0.0.1'),
  PORT: whole(0, 65535, 3000),
  MPG_RETENTION_DAYS: whole(1, DAY_MAX, 730),
  MPG_QUARANTINE_RETENTION_DAYS: whole(1, DAY_MAX, 90),
  MPG_AUDIT_RETENTION_DAYS: whole(1, DAY_MAX, 1826),
  MPG_SCORING_CRON: cronExpression('0 6 * * 1'),
  MPG_RETENTION_CRON: cronExpression('30 2 * * *'),
  MPG_REVIEW_CRON: cronExpression('15 6 * * *'),
  MPG_PULL_RETRIES: whole(0, 100, 3),
  MPG_PULL_RETRY_BASE_MS: whole(0, 3_600_000, 5000),
  MPG_PULL_TIMEOUT_MS: whole(1, 3_600_000, 60000),
  MPG_DEMO_DIR: Type.Optional(text()),
  MPG_DROP_ROOT: Type.Optional(text()),
  MPG_PULL_ALLOWED_HOSTS: Type.Optional(Type.String({ expected: 'host names or addresses with an optional port, separated by commas' })),
  MPG_TIME_ZONE: Type.String({ format: 'mpg-time-zone', default: 'Europe/Amsterdam', expected: 'an IANA time zone, e.g. Europe/Amsterdam' }),
  MPG_NOW: Type.Optional(Type.String({ format: 'mpg-instant', expected: 'an ISO date-time, e.g. 2026-10-01T10:00:00Z' })),
  MPG_SECURE_COOKIES: Type.Union([Type.Literal('0'), Type.Literal('1'), Type.Literal('false'), Type.Literal('true')], {
    default: '0',
    expected: 'one of 0, 1, false, true',
  }),
  MPG_API_RATE_LIMIT: whole(1, 1_000_000, 1200),
  MPG_LOGIN_RATE_LIMIT: whole(1, 1_000_000, 10),
  MPG_TRUST_PROXY: Type.Optional(
    Type.String({
      pattern: '^(\\d{1,2}|[0-9A-Fa-f:.]+(/\\d{1,3})?( *, *[0-9A-Fa-f:.]+(/\\d{1,3})?)*)$',
      expected: 'a number of proxies (1-99) or proxy addresses/CIDR ranges separated by commas, e.g. 10.0.0.5,10.1.0.0/16',
    }),
  ),
  MPG_REQUIRE_TOTP: Type.Union([Type.Literal('0'), Type.Literal('1'), Type.Literal('false'), Type.Literal('true')], {
    default: '0',
    expected: 'one of 0, 1, false, true',
  }),
  MPG_INACTIVITY_DAYS: whole(1, DAY_MAX, 90),
  MPG_ORGANISATION: limited(99),
  MPG_CONTACT: Type.Optional(Type.String({ pattern: `${EMAIL}|^https://[^\\s]+$`, maxLength: 500, expected: 'an e-mail address or an https:// URL' })),
  MPG_PUBLIC_PAGE_URL: httpsUrl,
  MPG_LEGAL_BASIS: limited(2499),
  MPG_LEGAL_BASIS_TITLE: limited(99),
  MPG_LEGAL_BASIS_URL: httpsUrl,
  MPG_PROCESSING_REGISTER_URL: httpsUrl,
  MPG_IMPACT_ASSESSMENTS: limited(2499),
  MPG_IMPACT_ASSESSMENT_URL: httpsUrl,
  MPG_RIGHTS_TEXT: limited(2499),
  MPG_SUPPLIER: limited(199),
  MPG_SOURCE_CODE_URL: httpsUrl,
  MPG_REGISTER_THEMES: limited(500),
  MPG_REGISTER_ID: limited(99),
  MPG_FIRST_CONTACT_DAYS: whole(1, 366, 28),
  MPG_PARTNER_ORGANISATIONS: Type.Optional(Type.String({ pattern: '^[^,]{1,200}(,[^,]{1,200}){0,49}$', expected: 'organisation names separated by commas' })),
  MPG_URGENT_INDICATORS: Type.Optional(
    Type.String({ format: 'mpg-urgent', expected: 'items indicator>=value:days separated by commas, e.g. huurachterstand>=4:3' }),
  ),
  MPG_SMTP_HOST: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9.:\\[\\]-]{1,253}$', expected: 'a host name or address' })),
  MPG_SMTP_PORT: whole(1, 65535, 587),
  MPG_SMTP_SECURITY: Type.Union([Type.Literal('starttls'), Type.Literal('tls'), Type.Literal('none')], {
    default: 'starttls',
    expected: 'one of starttls, tls, none',
  }),
  MPG_SMTP_USER: Type.Optional(text()),
  MPG_SMTP_PASSWORD: Type.Optional(text()),
  MPG_MAIL_FROM: Type.String({ pattern: EMAIL, maxLength: 254, default: 'vroegsignaal@localhost.localdomain', expected: 'an e-mail address' }),
  MPG_DASHBOARD_URL: Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 2000, default: 'http://127.0.0.1:3000', expected: 'an http(s):// URL' }),
  MPG_DEADLINE_NOTICE_DAYS: whole(0, 60, 3),
  MPG_NOTIFY_CRON: cronExpression('*/5 * * * *'),
  MPG_MAIL_RETRIES: whole(0, 20, 5),
  MPG_MAIL_RETRY_BASE_MS: whole(0, 86_400_000, 60_000),
  MPG_OIDC_ISSUER: Type.Optional(Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 2000, expected: "the provider's issuer URL" })),
  MPG_OIDC_CLIENT_ID: limited(500),
  MPG_OIDC_CLIENT_SECRET: limited(2000),
  MPG_OIDC_REDIRECT_URL: Type.Optional(
    Type.String({ pattern: '^https?://[^\\s]+/api/auth/oidc/callback$', expected: "this server's URL ending in /api/auth/oidc/callback" }),
  ),
  MPG_OIDC_POST_LOGOUT_REDIRECT_URL: Type.Optional(Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 2000, expected: 'a URL' })),
  MPG_OIDC_SCOPE: text('openid profile email'),
  MPG_OIDC_CLAIM: Type.String({ pattern: '^[\\w.:/-]{1,200}$', default: 'roles', expected: 'a claim name, e.g. roles or groups' }),
  MPG_OIDC_ROLE_MAP: Type.Optional(
    Type.String({ format: 'mpg-oidc-role-map', expected: 'a JSON object {"claim value": {"role": "...", "wijken": [...]}} (see the README)' }),
  ),
  MPG_LOCAL_LOGIN: Type.Union([Type.Literal('0'), Type.Literal('1'), Type.Literal('false'), Type.Literal('true')], {
    default: '1',
    expected: 'one of 0, 1, false, true',
  }),
  MPG_PUBLICATION_CATEGORY: Type.Union(
    PUBLICATION_CATEGORIES.map((c) => Type.Literal(c)),
    { default: 'Impactvolle algoritmes', expected: `one of ${PUBLICATION_CATEGORIES.join(', ')}` },
  ),
});
type Env = Static<typeof EnvSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = checkedEnv(env);
  const workingDir = e.INIT_CWD ?? process.cwd();
  const bsnKey = e.MPG_BSN_KEY ?? DEVELOPMENT_BSN_KEY;
  if (e.NODE_ENV === 'production' && (bsnKey === DEVELOPMENT_BSN_KEY || bsnKey.length < 32)) {
    throw new ConfigError('MPG_BSN_KEY: must be set to a secret of at least 32 characters in production');
  }
  const localLogin = e.MPG_LOCAL_LOGIN === '1' || e.MPG_LOCAL_LOGIN === 'true';
  const oidc = oidcConfig(e);
  if (!localLogin && !oidc) throw new ConfigError('MPG_LOCAL_LOGIN: can only be off when sign-in through OpenID Connect is configured (MPG_OIDC_ISSUER, …)');
  return {
    env: e.NODE_ENV,
    database: databaseTarget(e.DATABASE_URL, workingDir),
    bsnKey,
    workingDir,
    port: Number(e.PORT),
    host: e.HOST,
    dataDir: path.join(REPO_ROOT, 'data'),
    retentionDays: Number(e.MPG_RETENTION_DAYS),
    quarantineRetentionDays: Number(e.MPG_QUARANTINE_RETENTION_DAYS),
    auditRetentionDays: Number(e.MPG_AUDIT_RETENTION_DAYS),
    scoringCron: e.MPG_SCORING_CRON,
    retentionCron: e.MPG_RETENTION_CRON,
    reviewCron: e.MPG_REVIEW_CRON,
    pullRetries: Number(e.MPG_PULL_RETRIES),
    pullRetryBaseMs: Number(e.MPG_PULL_RETRY_BASE_MS),
    pullTimeoutMs: Number(e.MPG_PULL_TIMEOUT_MS),
    pullAllowedHosts: parseAllowedHosts(e.MPG_PULL_ALLOWED_HOSTS),
    demoDir: path.resolve(workingDir, e.MPG_DEMO_DIR ?? path.join(REPO_ROOT, 'data', 'demo')),
    dropRoot: path.resolve(workingDir, e.MPG_DROP_ROOT ?? path.join(REPO_ROOT, 'data')),
    timeZone: e.MPG_TIME_ZONE,
    fixedNow: e.MPG_NOW ?? null,
    secureCookies: e.NODE_ENV === 'production' || e.MPG_SECURE_COOKIES === '1' || e.MPG_SECURE_COOKIES === 'true',
    apiRateLimit: Number(e.MPG_API_RATE_LIMIT),
    loginRateLimit: Number(e.MPG_LOGIN_RATE_LIMIT),
    trustProxy: parseTrustProxy(e.MPG_TRUST_PROXY),
    oidc,
    localLogin,
    webDistDir: path.join(REPO_ROOT, 'web', 'dist'),
    publication: publicationConfig(e),
    partnerOrganisations: e.MPG_PARTNER_ORGANISATIONS
      ? e.MPG_PARTNER_ORGANISATIONS.split(',')
          .map((o) => o.trim())
          .filter(Boolean)
      : DEFAULT_PARTNER_ORGANISATIONS,
    notifications: notificationConfig(e),
    // Production cannot switch the second factor off.
    requireTotp: e.NODE_ENV === 'production' || e.MPG_REQUIRE_TOTP === '1' || e.MPG_REQUIRE_TOTP === 'true',
    inactivityDays: Number(e.MPG_INACTIVITY_DAYS),
    deadlines: { firstContactDays: Number(e.MPG_FIRST_CONTACT_DAYS), urgent: parseUrgentIndicators(e.MPG_URGENT_INDICATORS) ?? [] },
  };
}

function notificationConfig(e: Env): NotificationConfig {
  if ((e.MPG_SMTP_USER === undefined) !== (e.MPG_SMTP_PASSWORD === undefined)) {
    throw new ConfigError('MPG_SMTP_USER: set both MPG_SMTP_USER and MPG_SMTP_PASSWORD, or neither');
  }
  const auth = e.MPG_SMTP_USER && e.MPG_SMTP_PASSWORD ? { user: e.MPG_SMTP_USER, pass: e.MPG_SMTP_PASSWORD } : null;
  return {
    smtp: e.MPG_SMTP_HOST ? { host: e.MPG_SMTP_HOST, port: Number(e.MPG_SMTP_PORT), security: e.MPG_SMTP_SECURITY, auth } : null,
    from: e.MPG_MAIL_FROM,
    dashboardUrl: e.MPG_DASHBOARD_URL.replace(/\/+$/, ''),
    deadlineNoticeDays: Number(e.MPG_DEADLINE_NOTICE_DAYS),
    cron: e.MPG_NOTIFY_CRON,
    retries: Number(e.MPG_MAIL_RETRIES),
    retryBaseMs: Number(e.MPG_MAIL_RETRY_BASE_MS),
  };
}

/** What one claim value grants: a role, and for a wijkteam member their wijken. */
export interface OidcGrant {
  role: Role;
  wijken: string[];
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the browser back: this server's /api/auth/oidc/callback. */
  redirectUrl: string;
  /** Where the provider sends the browser after logging out there. */
  postLogoutRedirectUrl: string;
  scope: string;
  /** The claim whose values are mapped (e.g. `roles` for app roles, `groups` for Entra ID groups). */
  claim: string;
  /** Claim value as the provider sends it → what it grants. */
  roleMap: Record<string, OidcGrant>;
}

const OIDC_REQUIRED = ['MPG_OIDC_ISSUER', 'MPG_OIDC_CLIENT_ID', 'MPG_OIDC_CLIENT_SECRET', 'MPG_OIDC_REDIRECT_URL', 'MPG_OIDC_ROLE_MAP'] as const;

/** All of OIDC_REQUIRED or none; plain http only outside production (a provider on this machine in tests). */
function oidcConfig(e: Env): OidcConfig | null {
  const given = OIDC_REQUIRED.filter((name) => e[name] !== undefined);
  if (given.length === 0) return null;
  const missing = OIDC_REQUIRED.find((name) => e[name] === undefined);
  if (missing) throw new ConfigError(`${missing}: must be set too when ${given[0]} is set (OpenID Connect)`);
  const urls = ['MPG_OIDC_ISSUER', 'MPG_OIDC_REDIRECT_URL', 'MPG_OIDC_POST_LOGOUT_REDIRECT_URL'] as const;
  const plain = urls.find((name) => e[name]?.startsWith('http://'));
  if (plain && e.NODE_ENV === 'production') throw new ConfigError(`${plain}: must be an https:// URL in production`);
  const redirectUrl = e.MPG_OIDC_REDIRECT_URL!;
  return {
    issuer: e.MPG_OIDC_ISSUER!,
    clientId: e.MPG_OIDC_CLIENT_ID!,
    clientSecret: e.MPG_OIDC_CLIENT_SECRET!,
    redirectUrl,
    postLogoutRedirectUrl: e.MPG_OIDC_POST_LOGOUT_REDIRECT_URL ?? new URL('/inloggen', redirectUrl).toString(),
    scope: e.MPG_OIDC_SCOPE,
    claim: e.MPG_OIDC_CLAIM,
    roleMap: parseRoleMap(e.MPG_OIDC_ROLE_MAP!)!,
  };
}

const RoleMapSchema = Type.Record(
  Type.String({ minLength: 1, maxLength: 500 }),
  Type.Object(
    {
      role: Type.Union(ROLES.map((r) => Type.Literal(r))),
      wijken: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 500 })),
    },
    { additionalProperties: false },
  ),
);

/** The claim mapping, or null when it is not JSON of the schema, or wijken are given for another role than wijkteam (or none for wijkteam). */
export function parseRoleMap(json: string): Record<string, OidcGrant> | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (!Value.Check(RoleMapSchema, value) || Object.keys(value).length === 0) return null;
  const map: Record<string, OidcGrant> = {};
  for (const [claimValue, grant] of Object.entries(value)) {
    const wijken = grant.wijken ?? [];
    if ((grant.role === 'wijkteam') !== wijken.length > 0) return null;
    map[claimValue] = { role: grant.role, wijken };
  }
  return map;
}

function publicationConfig(e: Env): PublicationConfig {
  return {
    organisation: e.MPG_ORGANISATION ?? null,
    contact: e.MPG_CONTACT ?? null,
    publicPageUrl: e.MPG_PUBLIC_PAGE_URL ?? null,
    legalBasis: e.MPG_LEGAL_BASIS ?? DEFAULT_LEGAL_BASIS,
    legalBasisConfigured: e.MPG_LEGAL_BASIS !== undefined,
    legalBasisTitle: e.MPG_LEGAL_BASIS_TITLE ?? null,
    legalBasisUrl: e.MPG_LEGAL_BASIS_URL ?? null,
    processingRegisterUrl: e.MPG_PROCESSING_REGISTER_URL ?? null,
    impactAssessments: e.MPG_IMPACT_ASSESSMENTS ?? null,
    impactAssessmentUrl: e.MPG_IMPACT_ASSESSMENT_URL ?? null,
    rights: e.MPG_RIGHTS_TEXT ?? DEFAULT_RIGHTS,
    supplier: e.MPG_SUPPLIER ?? null,
    sourceCodeUrl: e.MPG_SOURCE_CODE_URL ?? null,
    themes: (e.MPG_REGISTER_THEMES ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    registerId: e.MPG_REGISTER_ID ?? null,
    category: e.MPG_PUBLICATION_CATEGORY,
  };
}

/** Off when unset; a hop count; or addresses and CIDR ranges, each checked. */
function parseTrustProxy(value: string | undefined): false | number | string[] {
  if (value === undefined || value.trim() === '') return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops < 1) throw new ConfigError('MPG_TRUST_PROXY: a number of proxies is at least 1; leave it unset to trust none');
    return hops;
  }
  const entries = value.split(',').map((v) => v.trim());
  for (const entry of entries) {
    const [address, bits] = entry.split('/');
    const family = net.isIP(address ?? '');
    const maxBits = family === 6 ? 128 : 32;
    if (family === 0 || (bits !== undefined && Number(bits) > maxBits)) {
      throw new ConfigError(`MPG_TRUST_PROXY: '${entry}' is no IP address or CIDR range`);
    }
  }
  return entries;
}

/** The variables of EnvSchema with defaults filled in; throws a ConfigError naming the first that does not fit. */
function checkedEnv(env: NodeJS.ProcessEnv): Env {
  const known: Record<string, string> = {};
  for (const name of Object.keys(EnvSchema.properties)) {
    const value = env[name];
    if (value !== undefined && !(name === 'INIT_CWD' && value === '')) known[name] = value;
  }
  const withDefaults = Value.Default(EnvSchema, known) as Record<string, string>;
  for (const [name, property] of Object.entries(EnvSchema.properties as Record<string, TSchema>)) {
    const value = withDefaults[name];
    const schema = property as unknown as TSchema & Record<string, unknown>;
    if (value !== undefined && !fits(schema, value)) {
      throw new ConfigError(`${name}: expected ${String(schema.expected)}, got '${value.slice(0, 60)}'`);
    }
  }
  return withDefaults as Env;
}

/** The schema, then the range of a number written as a string. */
function fits(schema: TSchema & Record<string, unknown>, value: string): boolean {
  if (!Value.Check(schema, value)) return false;
  const range = schema.range as [number, number] | undefined;
  return !range || (Number(value) >= range[0] && Number(value) <= range[1]);
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

function databaseTarget(url: string | undefined, workingDir: string): DatabaseTarget {
  if (url && /^postgres(ql)?:\/\//.test(url)) return { dialect: 'postgres', url };
  if (url) return { dialect: 'sqlite', file: path.resolve(workingDir, url.replace(/^sqlite:(\/\/)?/, '')) };
  return { dialect: 'sqlite', file: path.join(REPO_ROOT, 'data', 'vroegsignaal.sqlite') };
}
