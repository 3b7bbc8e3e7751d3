import { Type } from 'typebox';
import { ErrorResponse } from '@vroegsignaal/shared/api/common';
import { ENDPOINTS } from '@vroegsignaal/shared/api/endpoints';
import {
  DASHBOARD_EXPORT_HEADER,
  FlagParams,
  FlagsExportBody,
  FlagsExportQuery,
  FlagsPage,
  FlagsQuery,
  FlagsSearchBody,
  RunList,
  RunParams,
} from '@vroegsignaal/shared/api/flags';
import { HouseholdDetail } from '@vroegsignaal/shared/api/households';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { dashboardExportCsv } from '../../services/flag-export.ts';
import { flagsForDashboardExport, flagsOfRun, runsFor } from '../../services/flags.ts';
import { householdOfFlag } from '../../services/household.ts';
import { sendSerializedOnce, todayOf, userOf, type RoutesPlugin } from '../types.ts';

const errors = { 400: ErrorResponse, 404: ErrorResponse };

const flags: RoutesPlugin = async (app) => {
  app.get(
    '/api/runs',
    {
      config: { endpoint: ENDPOINTS.runs },
      schema: { tags: ['flags'], response: { 200: RunList } },
    },
    async (request) => runsFor(app.db, userOf(request), todayOf(app)),
  );

  app.get(
    '/api/runs/:runId/flags',
    {
      config: { endpoint: ENDPOINTS.flags, auditRead: 'flags_list' },
      schema: { tags: ['flags'], params: RunParams, querystring: FlagsQuery, response: { 200: FlagsPage, ...errors } },
    },
    async (request, reply) => {
      const page = await flagsOfRun(app.db, userOf(request), request.params.runId, request.query, app.readCache, todayOf(app));
      // The list shows addresses and indicators: which households were shown is logged
      // (their address keys, never what was shown about them).
      request.auditObject = { type: 'run', id: String(request.params.runId), detail: shownHouseholds(page, request.query) };
      return sendSerializedOnce(reply, page);
    },
  );

  // The same list with a search by address: a POST, so that the search term is in the body,
  // never in a URL (fastify, proxies and browsers log and keep URLs). The audit entry keeps it.
  app.post(
    '/api/runs/:runId/flags/search',
    {
      config: { endpoint: ENDPOINTS.flagsSearch, auditRead: 'flags_list' },
      schema: { tags: ['flags'], params: RunParams, body: FlagsSearchBody, response: { 200: FlagsPage, ...errors } },
    },
    async (request, reply) => {
      const page = await flagsOfRun(app.db, userOf(request), request.params.runId, request.body, app.readCache, todayOf(app), 'body');
      request.auditObject = { type: 'run', id: String(request.params.runId), detail: shownHouseholds(page, request.body) };
      return sendSerializedOnce(reply.code(200), page);
    },
  );

  app.get(
    '/api/runs/:runId/flags.csv',
    {
      config: { endpoint: ENDPOINTS.flagsExport, auditRead: 'export' },
      schema: { tags: ['flags'], params: RunParams, querystring: FlagsExportQuery, response: { 200: Type.String(), ...errors } },
    },
    async (request, reply) => sendExport(request, reply, request.params.runId, request.query, 'querystring'),
  );

  app.post(
    '/api/runs/:runId/flags/export',
    {
      config: { endpoint: ENDPOINTS.flagsExportFiltered, auditRead: 'export' },
      schema: { tags: ['flags'], params: RunParams, body: FlagsExportBody, response: { 200: Type.String(), ...errors } },
    },
    async (request, reply) => sendExport(request, reply.code(200), request.params.runId, request.body, 'body'),
  );

  app.get(
    '/api/flags/:flagId/household',
    {
      config: { endpoint: ENDPOINTS.household, auditRead: 'household_read' },
      schema: { tags: ['flags'], params: FlagParams, response: { 200: HouseholdDetail, 409: ErrorResponse, ...errors } },
    },
    async (request, reply) => {
      request.auditObject = { type: 'flag', id: String(request.params.flagId) };
      const detail = await householdOfFlag(app.db, app.clock, app.config.timeZone, userOf(request), request.params.flagId, app.readCache);
      request.auditObject = {
        type: 'household',
        id: detail.household_key,
        detail: `signalering ${request.params.flagId}: samenstelling, adres, uitleg, signalen in de tijd, opvolging`,
      };
      return sendSerializedOnce(reply, detail);
    },
  );
};
export default flags;

/** The dashboard's CSV of a run's flags under a filter, logged with the filter and the number of rows. */
async function sendExport(request: FastifyRequest, reply: FastifyReply, runId: number, filter: FlagsExportBody, part: string) {
  const rows = await flagsForDashboardExport(request.server.db, userOf(request), runId, filter, part, todayOf(request.server));
  const detail = { huishoudens: rows.length, kolommen: DASHBOARD_EXPORT_HEADER, filter, adressen: rows.map((r) => r.household_key) };
  request.auditObject = { type: 'export', id: `run:${runId}`, detail: `signaleringen als CSV: ${JSON.stringify(detail)}` };
  reply.header('content-disposition', `attachment; filename="signaleringen-ronde-${runId}.csv"`);
  return reply.type('text/csv; charset=utf-8').send(dashboardExportCsv(rows));
}

/** The audit detail of a flag list: the address keys of the households on the page, the total and the filter. */
function shownHouseholds(page: FlagsPage, query: FlagsSearchBody): string {
  return JSON.stringify({ huishoudens: page.items.map((i) => i.household_key), getoond: page.items.length, totaal: page.total, filter: query });
}
