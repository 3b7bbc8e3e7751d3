// The API's request/response schemas (TypeBox): the one source for the server's
// validation, the OpenAPI document and the web's types. Endpoints: see server/README.md.
export * from './common.ts';
export * from './auth.ts';
export * from './triage.ts';
export * from './flags.ts';
export * from './households.ts';
export * from './rule-sets.ts';
export * from './aggregates.ts';
export * from './transparency.ts';
export * from './admin.ts';
export * from './operations.ts';
export * from './endpoints.ts';
export * from './audit-events.ts';
