import { ErrorResponse } from '@vroegsignaal/shared/api/common';
import { ENDPOINTS } from '@vroegsignaal/shared/api/endpoints';
import { AgendaBody, Meeting, MeetingItemParams, MeetingList, MeetingParams, MeetingRecordBody, NewMeetingBody } from '@vroegsignaal/shared/api/meetings';
import { meetingDetail, meetingsList, planMeeting, putOnAgenda, recordAdvice } from '../../services/meetings.ts';
import { todayOf, userOf, type RoutesPlugin } from '../types.ts';

const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/** Which households a meeting response shows: logged like every household read (address keys only). */
const shown = (m: Meeting) => JSON.stringify({ huishoudens: m.items.map((i) => i.household_key) });

const meetings: RoutesPlugin = async (app) => {
  const orgs = app.config.partnerOrganisations;

  app.get(
    '/api/meetings',
    {
      config: { endpoint: ENDPOINTS.meetings },
      schema: { tags: ['meetings'], response: { 200: MeetingList } },
    },
    async () => meetingsList(app.db, todayOf(app)),
  );

  app.post(
    '/api/meetings',
    {
      config: { endpoint: ENDPOINTS.meetingCreate },
      schema: { tags: ['meetings'], body: NewMeetingBody, response: { 200: Meeting, ...errors } },
    },
    async (request) => {
      const m = await planMeeting(app.db, app.clock, userOf(request), request.body, orgs, todayOf(app));
      request.auditObject = { type: 'meeting', id: String(m.id), detail: `${m.held_on}: ${m.wijken.join(', ')}` };
      return m;
    },
  );

  app.get(
    '/api/meetings/:meetingId',
    {
      config: { endpoint: ENDPOINTS.meeting, auditRead: 'meeting_read' },
      schema: { tags: ['meetings'], params: MeetingParams, response: { 200: Meeting, ...errors } },
    },
    async (request) => {
      request.auditObject = { type: 'meeting', id: String(request.params.meetingId) };
      const m = await meetingDetail(app.db, request.params.meetingId, orgs, todayOf(app));
      request.auditObject = { type: 'meeting', id: String(m.id), detail: shown(m) };
      return m;
    },
  );

  app.post(
    '/api/meetings/:meetingId/agenda',
    {
      config: { endpoint: ENDPOINTS.meetingAgenda },
      schema: { tags: ['meetings'], params: MeetingParams, body: AgendaBody, response: { 200: Meeting, ...errors } },
    },
    async (request) => {
      const m = await putOnAgenda(app.db, app.clock, userOf(request), request.params.meetingId, request.body.flag_id, orgs, todayOf(app));
      request.auditObject = { type: 'meeting', id: String(m.id), detail: `signalering ${request.body.flag_id} op de agenda; ${shown(m)}` };
      return m;
    },
  );

  app.post(
    '/api/meetings/:meetingId/items/:itemId/record',
    {
      config: { endpoint: ENDPOINTS.meetingRecord },
      schema: { tags: ['meetings'], params: MeetingItemParams, body: MeetingRecordBody, response: { 200: Meeting, ...errors } },
    },
    async (request) => {
      const m = await recordAdvice(app.db, app.clock, userOf(request), request.params, request.body, orgs, todayOf(app));
      const item = m.items.find((i) => i.id === request.params.itemId);
      request.auditObject = {
        type: 'household',
        id: item?.household_key ?? String(request.params.itemId),
        detail: `zorgnetwerk ${m.id}: advies en regisseur vastgelegd; ${shown(m)}`,
      };
      return m;
    },
  );
};
export default meetings;
