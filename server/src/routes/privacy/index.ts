import { Type } from 'typebox';
import { ErrorResponse, IdParams } from '@vroegsignaal/shared/api/common';
import { ENDPOINTS } from '@vroegsignaal/shared/api/endpoints';
import {
  AccessRequestItem,
  AccessRequestList,
  CreateAccessRequestBody,
  ExclusionBody,
  ExclusionParams,
  ExtendBody,
  MarkBody,
  MarkItem,
  MarkList,
  RequestDetail,
  RequestParams,
  SignalSourceList,
  WithheldParams,
  WithholdBody,
} from '@vroegsignaal/shared/api/privacy';
import { createPseudonymizer } from '../../core/pseudonym.ts';
import { assembleLetter } from '../../services/access-letter.ts';
import { letterToPdf } from '../../services/access-letter-pdf.ts';
import {
  closeRequest,
  excludeHousehold,
  extendRequest,
  liftHouseholdExclusion,
  listRequests,
  registerRequest,
  release,
  requestDetail,
  withhold,
  type RightsContext,
} from '../../services/access-requests.ts';
import { allMarks, markSignal, signalSources, unmarkSignal } from '../../services/signal-marks.ts';
import { userOf, type RoutesPlugin } from '../types.ts';

// Residents' rights (AVG art. 15, 16, 18, 21). A BSN or address arrives only in a POST
// body and is neither logged nor audited: the audit entry names the request's id.
// An action's entry says it was done only once it was; until then (and so on a refusal)
// it reads "poging: …".

const errors = { 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const requestObject = (id: number, detail?: string) => ({ type: 'access_request', id: String(id), ...(detail ? { detail } : {}) });
const attempt = (id: number, what: string) => requestObject(id, `poging: ${what}`);

const privacy: RoutesPlugin = async (app) => {
  const ctx: RightsContext = { db: app.db, clock: app.clock, pseudonymize: createPseudonymizer(app.config.bsnKey), timeZone: app.config.timeZone };
  const settings = {
    retentionDays: app.config.retentionDays,
    auditRetentionDays: app.config.auditRetentionDays,
    organisation: app.config.publication.organisation ?? undefined,
    contact: app.config.publication.contact ?? undefined,
  };

  app.get(
    '/api/privacy/requests',
    { config: { endpoint: ENDPOINTS.accessRequests }, schema: { tags: ['privacy'], response: { 200: AccessRequestList } } },
    async () => listRequests(ctx),
  );

  app.post(
    '/api/privacy/requests',
    {
      config: { endpoint: ENDPOINTS.createAccessRequest },
      schema: { tags: ['privacy'], body: CreateAccessRequestBody, response: { 201: AccessRequestItem, ...errors } },
    },
    async (request, reply) => {
      const created = await registerRequest(ctx, userOf(request), request.body);
      request.auditObject = requestObject(created.id, `gevonden via ${created.identified_by}, termijn tot ${created.deadline}`);
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/api/privacy/requests/:requestId',
    {
      config: { endpoint: ENDPOINTS.accessRequest, auditRead: 'access_request_read' },
      schema: { tags: ['privacy'], params: RequestParams, response: { 200: RequestDetail, ...errors } },
    },
    async (request) => {
      request.auditObject = requestObject(request.params.requestId);
      return requestDetail(ctx, request.params.requestId);
    },
  );

  app.get(
    '/api/privacy/requests/:requestId/letter',
    {
      config: { endpoint: ENDPOINTS.accessLetter, auditRead: 'access_letter' },
      schema: { tags: ['privacy'], params: RequestParams, response: { 200: Type.Unsafe<Buffer>({ type: 'string', description: 'PDF' }), ...errors } },
    },
    async (request, reply) => {
      request.auditObject = requestObject(request.params.requestId);
      const pdf = await letterToPdf(await assembleLetter(ctx, request.params.requestId, settings));
      reply.header('content-disposition', `attachment; filename="inzage-${request.params.requestId}.pdf"`);
      return reply.type('application/pdf').send(pdf);
    },
  );

  app.post(
    '/api/privacy/requests/:requestId/extend',
    {
      config: { endpoint: ENDPOINTS.extendAccessRequest },
      schema: { tags: ['privacy'], params: RequestParams, body: ExtendBody, response: { 200: AccessRequestItem, ...errors } },
    },
    async (request) => {
      request.auditObject = attempt(request.params.requestId, 'termijn verlengen');
      const extended = await extendRequest(ctx, request.params.requestId, request.body.reason);
      request.auditObject = requestObject(request.params.requestId, 'termijn met twee maanden verlengd');
      return extended;
    },
  );

  app.post(
    '/api/privacy/requests/:requestId/close',
    {
      config: { endpoint: ENDPOINTS.closeAccessRequest },
      schema: { tags: ['privacy'], params: RequestParams, response: { 200: AccessRequestItem, ...errors } },
    },
    async (request) => {
      request.auditObject = attempt(request.params.requestId, 'afhandelen');
      const closed = await closeRequest(ctx, request.params.requestId);
      request.auditObject = requestObject(request.params.requestId, 'afgehandeld');
      return closed;
    },
  );

  app.post(
    '/api/privacy/requests/:requestId/withheld',
    {
      config: { endpoint: ENDPOINTS.withholdNote },
      schema: { tags: ['privacy'], params: RequestParams, body: WithholdBody, response: { 200: RequestDetail, ...errors } },
    },
    async (request) => {
      const { requestId } = request.params;
      request.auditObject = attempt(requestId, `notitie ${request.body.triage_event_id} achterhouden`);
      const detail = await withhold(ctx, requestId, request.body.triage_event_id, request.body.ground);
      request.auditObject = requestObject(requestId, `notitie ${request.body.triage_event_id} achtergehouden`);
      return detail;
    },
  );

  app.post(
    '/api/privacy/requests/:requestId/withheld/:triageEventId/release',
    {
      config: { endpoint: ENDPOINTS.releaseNote },
      schema: { tags: ['privacy'], params: WithheldParams, response: { 200: RequestDetail, ...errors } },
    },
    async (request) => {
      const { requestId, triageEventId } = request.params;
      request.auditObject = attempt(requestId, `notitie ${triageEventId} weer opnemen`);
      const detail = await release(ctx, requestId, triageEventId);
      request.auditObject = requestObject(requestId, `notitie ${triageEventId} weer opgenomen`);
      return detail;
    },
  );

  app.post(
    '/api/privacy/requests/:requestId/exclusions',
    {
      config: { endpoint: ENDPOINTS.createExclusion },
      schema: { tags: ['privacy'], params: RequestParams, body: ExclusionBody, response: { 200: RequestDetail, ...errors } },
    },
    async (request) => {
      const b = request.body;
      const period = `van ${b.from} tot en met ${b.to}`;
      request.auditObject = attempt(request.params.requestId, `${b.ground}: uitsluiten ${period}`);
      const detail = await excludeHousehold(ctx, userOf(request), request.params.requestId, b);
      request.auditObject = requestObject(request.params.requestId, `${b.ground}: uitgesloten ${period}`);
      return detail;
    },
  );

  app.post(
    '/api/privacy/requests/:requestId/exclusions/:exclusionId/lift',
    {
      config: { endpoint: ENDPOINTS.liftExclusion },
      schema: { tags: ['privacy'], params: ExclusionParams, response: { 200: RequestDetail, ...errors } },
    },
    async (request) => {
      const { requestId, exclusionId } = request.params;
      request.auditObject = attempt(requestId, `uitsluiting ${exclusionId} opheffen`);
      const detail = await liftHouseholdExclusion(ctx, userOf(request), requestId, exclusionId);
      request.auditObject = requestObject(requestId, `uitsluiting ${exclusionId} opgeheven`);
      return detail;
    },
  );

  app.get('/api/privacy/marks', { config: { endpoint: ENDPOINTS.signalMarks }, schema: { tags: ['privacy'], response: { 200: MarkList } } }, async (request) =>
    allMarks(app.db, userOf(request)),
  );

  app.get(
    '/api/privacy/sources',
    { config: { endpoint: ENDPOINTS.signalSources }, schema: { tags: ['privacy'], response: { 200: SignalSourceList } } },
    async () => signalSources(app.db),
  );

  app.post(
    '/api/privacy/marks',
    {
      config: { endpoint: ENDPOINTS.createSignalMark },
      schema: { tags: ['privacy'], body: MarkBody, response: { 201: MarkItem, ...errors } },
    },
    async (request, reply) => {
      // Only a made mark is named in the audit log: a refused one may hold a mistyped BSN.
      const mark = await markSignal(app.db, app.clock, userOf(request), request.body);
      request.auditObject = { type: 'signal_mark', id: String(mark.id), detail: 'signaal als onjuist gemarkeerd' };
      return reply.code(201).send(mark);
    },
  );

  app.post(
    '/api/privacy/marks/:id/lift',
    {
      config: { endpoint: ENDPOINTS.liftSignalMark },
      schema: { tags: ['privacy'], params: IdParams, response: { 200: MarkItem, ...errors } },
    },
    async (request) => {
      const mark = (detail: string) => ({ type: 'signal_mark', id: String(request.params.id), detail });
      request.auditObject = mark('poging: markering opheffen');
      const lifted = await unmarkSignal(app.db, app.clock, userOf(request), request.params.id);
      request.auditObject = mark('markering opgeheven');
      return lifted;
    },
  );
};
export default privacy;
