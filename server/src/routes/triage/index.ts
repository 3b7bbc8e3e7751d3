import type { FastifyRequest } from 'fastify';
import { ErrorResponse } from '@vroegsignaal/shared/api/common';
import { ENDPOINTS } from '@vroegsignaal/shared/api/endpoints';
import { FlagParams } from '@vroegsignaal/shared/api/flags';
import { AssigneeList, AssignmentBody, NoteBody, OutcomeBody, StatusBody, Triage } from '@vroegsignaal/shared/api/triage';
import { activeUsersWithRole } from '../../repositories/user-repository.ts';
import { changeTriage, triageOfFlag, type Change } from '../../services/triage.ts';
import { todayOf, userOf, type RoutesPlugin } from '../types.ts';

const responses = { 200: Triage, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

const triage: RoutesPlugin = async (app) => {
  app.get(
    '/api/flags/:flagId/triage',
    {
      config: { endpoint: ENDPOINTS.triage, auditRead: 'triage_read' },
      schema: { tags: ['triage'], params: FlagParams, response: responses },
    },
    async (request) => triageOfFlag(app.db, userOf(request), request.params.flagId, todayOf(app)),
  );

  /** One triage change through the single transition table, for the flag in the path. */
  const change = (request: FastifyRequest & { params: { flagId: number } }, c: Change) =>
    changeTriage(app.db, app.clock, userOf(request), request.params.flagId, c, todayOf(app));

  app.post(
    '/api/flags/:flagId/triage/status',
    {
      config: { endpoint: ENDPOINTS.triageStatus },
      schema: { tags: ['triage'], params: FlagParams, body: StatusBody, response: responses },
    },
    async (request) => {
      const b = request.body;
      return change(request, { kind: 'status', to: b.status, from: b.from, note: b.note, outcome: b.outcome, reviewOn: b.review_on });
    },
  );

  app.post(
    '/api/flags/:flagId/triage/assignment',
    {
      config: { endpoint: ENDPOINTS.triageAssignment },
      schema: { tags: ['triage'], params: FlagParams, body: AssignmentBody, response: responses },
    },
    async (request) => change(request, { kind: 'assignment', assignedTo: request.body.assigned_to, note: request.body.note }),
  );

  app.post(
    '/api/flags/:flagId/triage/outcome',
    {
      config: { endpoint: ENDPOINTS.triageOutcome },
      schema: { tags: ['triage'], params: FlagParams, body: OutcomeBody, response: responses },
    },
    async (request) => change(request, { kind: 'outcome', outcome: request.body.outcome, note: request.body.note }),
  );

  app.post(
    '/api/flags/:flagId/triage/notes',
    {
      config: { endpoint: ENDPOINTS.triageNote },
      schema: { tags: ['triage'], params: FlagParams, body: NoteBody, response: responses },
    },
    async (request) => change(request, { kind: 'note', note: request.body.note }),
  );

  app.get(
    '/api/assignees',
    {
      config: { endpoint: ENDPOINTS.assignees },
      schema: { tags: ['triage'], response: { 200: AssigneeList } },
    },
    async () => (await activeUsersWithRole(app.db, 'wijkteam')).map((u) => ({ username: u.username, wijken: JSON.parse(u.wijken) as string[] })),
  );
};
export default triage;
