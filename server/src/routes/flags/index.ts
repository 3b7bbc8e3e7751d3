import { Type } from 'typebox';
import { ErrorResponse } from '@vroegsignaal/shared/api/common';
import { ENDPOINTS } from '@vroegsignaal/shared/api/endpoints';
import { FlagParams, FlagsPage, FlagsQuery, RunList, RunParams } from '@vroegsignaal/shared/api/flags';
import { HouseholdDetail } from '@vroegsignaal/shared/api/households';
import { exportFlagsCsvForSpreadsheet } from '../../services/flag-export.ts';
import { ApiError } from '../../services/errors.ts';
import { flagsOfRun, runsFor } from '../../services/flags.ts';
import { householdOfFlag } from '../../services/household.ts';
import { findRun } from '../../repositories/run-repository.ts';
import { sendSerializedOnce, userOf, type RoutesPlugin } from '../types.ts';

const errors = { 400: ErrorResponse, 404: ErrorResponse };

const flags: RoutesPlugin = async (app) => {
  app.get('/api/runs', {
    config: { endpoint: ENDPOINTS.runs },
    schema: { tags: ['flags'], response: { 200: RunList } },
  }, async (request) => runsFor(app.db, userOf(request)));

  app.get('/api/runs/:runId/flags', {
    config: { endpoint: ENDPOINTS.flags, auditRead: 'flags_list' },
    schema: { tags: ['flags'], params: RunParams, querystring: FlagsQuery, response: { 200: FlagsPage, ...errors } },
  }, async (request, reply) => {
    const page = await flagsOfRun(app.db, userOf(request), request.params.runId, request.query, app.readCache);
    // The list shows addresses and indicators: which households were shown is logged
    // (their address keys, never what was shown about them).
    request.auditObject = { type: 'run', id: String(request.params.runId), detail: shownHouseholds(page, request.query) };
    return sendSerializedOnce(reply, page);
  });

  app.get('/api/runs/:runId/flags.csv', {
    config: { endpoint: ENDPOINTS.flagsExport, auditRead: 'export' },
    schema: { tags: ['flags'], params: RunParams, response: { 200: Type.String(), ...errors } },
  }, async (request, reply) => {
    const { runId } = request.params;
    if (!(await findRun(app.db, runId))) throw ApiError.notFound('scoringsronde niet gevonden');
    const csv = await exportFlagsCsvForSpreadsheet(app.db, runId);
    const rows = csv.split('\n').length - 2;
    request.auditObject = { type: 'export', id: `run:${runId}`, detail: `signaleringen als CSV: ${rows} huishoudens (address_key, wijk, score, domains, indicators)` };
    reply.header('content-disposition', `attachment; filename="signaleringen-ronde-${runId}.csv"`);
    return reply.type('text/csv; charset=utf-8').send(csv);
  });

  app.get('/api/flags/:flagId/household', {
    config: { endpoint: ENDPOINTS.household, auditRead: 'household_read' },
    schema: { tags: ['flags'], params: FlagParams, response: { 200: HouseholdDetail, ...errors } },
  }, async (request, reply) => {
    request.auditObject = { type: 'flag', id: String(request.params.flagId) };
    const detail = await householdOfFlag(app.db, app.clock, app.config.timeZone, userOf(request), request.params.flagId, app.readCache);
    request.auditObject = { type: 'household', id: detail.household_key, detail: `signalering ${request.params.flagId}: samenstelling, adres, uitleg, signalen in de tijd, opvolging` };
    return sendSerializedOnce(reply, detail);
  });
};
export default flags;

/** The audit detail of a flag list: the address keys of the households on the page, the total and the filter. */
function shownHouseholds(page: FlagsPage, query: FlagsQuery): string {
  return JSON.stringify({ huishoudens: page.items.map((i) => i.household_key), getoond: page.items.length, totaal: page.total, filter: query });
}
