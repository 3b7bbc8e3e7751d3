import type { InjectOptions } from '../../../server/src/server.ts';
import { ENDPOINTS, type EndpointName } from '../../../shared/src/api/endpoints.ts';
import type { ApiFixture } from './fixture.ts';

// One well-formed request per endpoint, so a role's access can be told apart from bad input.

export interface Ids {
  runId: number;
  flagId: number;
  ruleSetId: number;
  draftId: number;
  userId: number;
}

let counter = 0;

/** The source every API fixture configures. */
export const SOURCE_NAME = 'woco-test';

export function sampleRequest(name: EndpointName, ids: Ids): InjectOptions {
  const e = ENDPOINTS[name];
  const url = e.url
    .replace(':runId', String(ids.runId))
    .replace(':flagId', String(ids.flagId))
    .replace(':name', SOURCE_NAME)
    .replace('*', 'swagger-ui.css')
    .replace(':id', String(name === 'updateUser' || name === 'resetUser' ? ids.userId : name === 'ruleSet' ? ids.ruleSetId : ids.draftId));
  return { method: e.method, url, payload: body(name) as InjectOptions['payload'] };
}

function body(name: EndpointName): unknown {
  counter += 1;
  switch (name) {
    case 'login':
      return { username: 'nobody', password: 'x' };
    case 'changePassword':
      return { current_password: 'not-the-password', new_password: 'een lang en sterk wachtwoord' };
    case 'triageStatus':
      return { status: 'in_behandeling' };
    case 'triageAssignment':
      return { assigned_to: 'wijkteam' };
    case 'triageOutcome':
      return { outcome: 'terecht' };
    case 'triageNote':
      return { note: 'gesproken met school' };
    case 'flagsSearch':
      return { search: '9711 AA', page_size: 25 };
    case 'flagsExportFiltered':
      return { hide_closed: true };
    case 'createRuleSet':
      return draftDefinition('Proef');
    case 'updateRuleSet':
      return draftDefinition('Matrix');
    case 'approveRuleSet':
      return { content_hash: '0'.repeat(64), reason: 'proef' };
    case 'createUser':
      return { username: `nieuw${counter}`, role: 'beheerder' };
    case 'updateUser':
      return { active: true };
    case 'createSource':
      return { name: `bron-${counter}`, indicators: ['huurachterstand'], folder: 'vs-drop-test' };
    case 'updateSource':
      return { expected_interval_days: 14 };
    default:
      return undefined;
  }
}

export function draftDefinition(name: string, flagThreshold = 5) {
  return {
    name,
    flag_threshold: flagThreshold,
    min_domains: 3,
    rules: [
      { indicator: 'huurachterstand', domain: 'financien', weight: 3, threshold: 2, window_days: 90, min_count: 1 },
      { indicator: 'overlastmelding', domain: 'wonen', weight: 2, threshold: null, window_days: 180, min_count: 2 },
      { indicator: 'schoolverzuim', domain: 'onderwijs', weight: 2, threshold: 16, window_days: 90, min_count: 1 },
      { indicator: 'ggz_zorg', domain: 'gezondheid', weight: 2, threshold: null, window_days: 365, min_count: 1 },
      { indicator: 'opvoedzorg', domain: 'opvoeding', weight: 2, threshold: null, window_days: 365, min_count: 1 },
    ],
  };
}

/** A flag of the newest run in a given wijk. */
export async function flagIn(f: ApiFixture, wijk: string): Promise<{ id: number; household_key: string }> {
  const row = await f.t.db
    .selectFrom('flags')
    .select(['id', 'household_key'])
    .where('run_id', '=', f.runIds[f.runIds.length - 1]!)
    .where('wijk', '=', wijk)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return row;
}
