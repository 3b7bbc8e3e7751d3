import { ErrorResponse } from '@vroegsignaal/shared/api/common';
import { ENDPOINTS } from '@vroegsignaal/shared/api/endpoints';
import { OffList, Workload } from '@vroegsignaal/shared/api/open-work';
import { offList, workload } from '../../services/open-work.ts';
import { sendSerializedOnce, todayOf, userOf, type RoutesPlugin } from '../types.ts';

const openWork: RoutesPlugin = async (app) => {
  app.get(
    '/api/workload',
    {
      config: { endpoint: ENDPOINTS.workload },
      schema: { tags: ['triage'], response: { 200: Workload } },
    },
    async () => workload(app.db, todayOf(app)),
  );

  app.get(
    '/api/worklist/off-list',
    {
      config: { endpoint: ENDPOINTS.offList, auditRead: 'flags_list' },
      schema: { tags: ['triage'], response: { 200: OffList, 404: ErrorResponse } },
    },
    async (request, reply) => {
      const list = await offList(app.db, userOf(request), todayOf(app));
      // Which households were shown is logged (their address keys only).
      request.auditObject = { type: 'worklist', id: 'off-list', detail: JSON.stringify({ huishoudens: list.items.map((i) => i.household_key) }) };
      return sendSerializedOnce(reply, list);
    },
  );
};
export default openWork;
