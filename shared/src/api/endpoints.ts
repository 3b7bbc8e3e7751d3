import type { Role } from './auth.ts';

// Every endpoint with the roles allowed to call it. The server enforces exactly
// this table; the web may use it to hide what a role cannot do.

export interface Endpoint {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  /** Roles allowed; `public` needs no session, `any` any signed-in role. */
  roles: readonly Role[] | 'public' | 'any';
}

const CARE = ['coordinator', 'wijkteam'] as const;

export const ENDPOINTS = {
  health: { method: 'GET', url: '/api/health', roles: 'public' },
  login: { method: 'POST', url: '/api/auth/login', roles: 'public' },
  // Sign-in through the municipality's OpenID Connect provider: the browser arrives without a session.
  loginMethods: { method: 'GET', url: '/api/auth/methods', roles: 'public' },
  oidcLogin: { method: 'GET', url: '/api/auth/oidc/login', roles: 'public' },
  oidcCallback: { method: 'GET', url: '/api/auth/oidc/callback', roles: 'public' },
  oidcBackchannelLogout: { method: 'POST', url: '/api/auth/oidc/backchannel-logout', roles: 'public' },
  logout: { method: 'POST', url: '/api/auth/logout', roles: 'any' },
  session: { method: 'GET', url: '/api/auth/session', roles: 'any' },
  changePassword: { method: 'POST', url: '/api/auth/password', roles: 'any' },
  notificationSettings: { method: 'GET', url: '/api/me/notifications', roles: 'any' },
  updateNotificationSettings: { method: 'PUT', url: '/api/me/notifications', roles: 'any' },
  verifySecondFactor: { method: 'POST', url: '/api/auth/second-factor', roles: 'any' },
  startTotpEnrolment: { method: 'POST', url: '/api/auth/second-factor/enrolment', roles: 'any' },
  confirmTotpEnrolment: { method: 'POST', url: '/api/auth/second-factor/enrolment/confirm', roles: 'any' },
  regenerateRecoveryCodes: { method: 'POST', url: '/api/auth/second-factor/recovery-codes', roles: 'any' },

  runs: { method: 'GET', url: '/api/runs', roles: CARE },
  flags: { method: 'GET', url: '/api/runs/:runId/flags', roles: CARE },
  flagsExport: { method: 'GET', url: '/api/runs/:runId/flags.csv', roles: ['coordinator'] },
  flagsSearch: { method: 'POST', url: '/api/runs/:runId/flags/search', roles: CARE },
  flagsExportFiltered: { method: 'POST', url: '/api/runs/:runId/flags/export', roles: ['coordinator'] },
  household: { method: 'GET', url: '/api/flags/:flagId/household', roles: CARE },
  triage: { method: 'GET', url: '/api/flags/:flagId/triage', roles: CARE },
  triageStatus: { method: 'POST', url: '/api/flags/:flagId/triage/status', roles: CARE },
  triageAssignment: { method: 'POST', url: '/api/flags/:flagId/triage/assignment', roles: ['coordinator'] },
  workload: { method: 'GET', url: '/api/workload', roles: ['coordinator'] },
  offList: { method: 'GET', url: '/api/worklist/off-list', roles: CARE },
  meetings: { method: 'GET', url: '/api/meetings', roles: ['coordinator'] },
  meetingCreate: { method: 'POST', url: '/api/meetings', roles: ['coordinator'] },
  meeting: { method: 'GET', url: '/api/meetings/:meetingId', roles: ['coordinator'] },
  meetingAgenda: { method: 'POST', url: '/api/meetings/:meetingId/agenda', roles: ['coordinator'] },
  meetingRecord: { method: 'POST', url: '/api/meetings/:meetingId/items/:itemId/record', roles: ['coordinator'] },
  triageOutcome: { method: 'POST', url: '/api/flags/:flagId/triage/outcome', roles: CARE },
  triageNote: { method: 'POST', url: '/api/flags/:flagId/triage/notes', roles: CARE },
  assignees: { method: 'GET', url: '/api/assignees', roles: ['coordinator'] },

  transparency: { method: 'GET', url: '/api/transparency', roles: 'any' },
  // The public "Hoe werkt het?" page: no session, no household data, no names.
  publicTransparency: { method: 'GET', url: '/api/public/transparency', roles: 'public' },
  registerExport: { method: 'GET', url: '/api/register/export', roles: ['beleidsmaker'] },
  dpiaFactsheet: { method: 'GET', url: '/api/dpia/factsheet', roles: ['beheerder'] },

  ruleSets: { method: 'GET', url: '/api/rule-sets', roles: ['beleidsmaker'] },
  ruleSet: { method: 'GET', url: '/api/rule-sets/:id', roles: ['beleidsmaker'] },
  createRuleSet: { method: 'POST', url: '/api/rule-sets', roles: ['beleidsmaker'] },
  updateRuleSet: { method: 'PUT', url: '/api/rule-sets/:id', roles: ['beleidsmaker'] },
  previewRuleSet: { method: 'POST', url: '/api/rule-sets/:id/preview', roles: ['beleidsmaker'] },
  requestPublication: { method: 'POST', url: '/api/rule-sets/:id/request-publication', roles: ['beleidsmaker'] },
  withdrawPublication: { method: 'POST', url: '/api/rule-sets/:id/withdraw', roles: ['beleidsmaker'] },
  approveRuleSet: { method: 'POST', url: '/api/rule-sets/:id/approve', roles: ['beleidsmaker'] },

  aggregateWeeks: { method: 'GET', url: '/api/aggregates/weeks', roles: ['beleidsmaker', 'coordinator'] },
  aggregateWijken: { method: 'GET', url: '/api/aggregates/wijken', roles: ['beleidsmaker', 'coordinator'] },
  aggregateIndicators: { method: 'GET', url: '/api/aggregates/indicators', roles: ['beleidsmaker', 'coordinator'] },
  aggregatePrecision: { method: 'GET', url: '/api/aggregates/precision', roles: ['beleidsmaker', 'coordinator'] },

  users: { method: 'GET', url: '/api/users', roles: ['beheerder'] },
  createUser: { method: 'POST', url: '/api/users', roles: ['beheerder'] },
  updateUser: { method: 'PATCH', url: '/api/users/:id', roles: ['beheerder'] },
  resetUser: { method: 'POST', url: '/api/users/:id/password-reset', roles: ['beheerder'] },
  knownWijken: { method: 'GET', url: '/api/wijken', roles: ['beheerder'] },
  audit: { method: 'GET', url: '/api/audit', roles: ['beheerder'] },
  ingestRuns: { method: 'GET', url: '/api/ingest-runs', roles: ['beheerder'] },
  quarantine: { method: 'GET', url: '/api/quarantine', roles: ['beheerder'] },
  sources: { method: 'GET', url: '/api/sources', roles: ['beheerder'] },
  createSource: { method: 'POST', url: '/api/sources', roles: ['beheerder'] },
  updateSource: { method: 'PATCH', url: '/api/sources/:name', roles: ['beheerder'] },
  jobs: { method: 'GET', url: '/api/jobs', roles: ['beheerder'] },

  // Residents' rights: only the privacy officer reaches a household, through a request.
  // A beheerder may mark a signal on a source's instruction (no household data shown).
  accessRequests: { method: 'GET', url: '/api/privacy/requests', roles: ['privacy'] },
  createAccessRequest: { method: 'POST', url: '/api/privacy/requests', roles: ['privacy'] },
  accessRequest: { method: 'GET', url: '/api/privacy/requests/:requestId', roles: ['privacy'] },
  accessLetter: { method: 'GET', url: '/api/privacy/requests/:requestId/letter', roles: ['privacy'] },
  extendAccessRequest: { method: 'POST', url: '/api/privacy/requests/:requestId/extend', roles: ['privacy'] },
  closeAccessRequest: { method: 'POST', url: '/api/privacy/requests/:requestId/close', roles: ['privacy'] },
  withholdNote: { method: 'POST', url: '/api/privacy/requests/:requestId/withheld', roles: ['privacy'] },
  releaseNote: { method: 'POST', url: '/api/privacy/requests/:requestId/withheld/:triageEventId/release', roles: ['privacy'] },
  createExclusion: { method: 'POST', url: '/api/privacy/requests/:requestId/exclusions', roles: ['privacy'] },
  liftExclusion: { method: 'POST', url: '/api/privacy/requests/:requestId/exclusions/:exclusionId/lift', roles: ['privacy'] },
  signalMarks: { method: 'GET', url: '/api/privacy/marks', roles: ['privacy', 'beheerder'] },
  createSignalMark: { method: 'POST', url: '/api/privacy/marks', roles: ['privacy', 'beheerder'] },
  liftSignalMark: { method: 'POST', url: '/api/privacy/marks/:id/lift', roles: ['privacy', 'beheerder'] },
  signalSources: { method: 'GET', url: '/api/privacy/sources', roles: ['privacy', 'beheerder'] },

  // The API documentation (@fastify/swagger-ui); public like the API's shape itself.
  apiDocs: { method: 'GET', url: '/api/docs', roles: 'public' },
  apiDocsJson: { method: 'GET', url: '/api/docs/json', roles: 'public' },
  apiDocsYaml: { method: 'GET', url: '/api/docs/yaml', roles: 'public' },
  apiDocsPage: { method: 'GET', url: '/api/docs/static/index.html', roles: 'public' },
  apiDocsInitializer: { method: 'GET', url: '/api/docs/static/swagger-initializer.js', roles: 'public' },
  apiDocsAssets: { method: 'GET', url: '/api/docs/static/*', roles: 'public' },
} as const satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof ENDPOINTS;
