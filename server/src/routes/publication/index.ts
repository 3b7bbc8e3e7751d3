import type { RegisterEntry } from '@vroegsignaal/shared/algoritmeregister';
import { Type } from 'typebox';
import { ErrorResponse } from '@vroegsignaal/shared/api/common';
import { ENDPOINTS } from '@vroegsignaal/shared/api/endpoints';
import { DpiaQuery, PublicTransparency, RegisterExport, RegisterExportQuery } from '@vroegsignaal/shared/api/publication';
import { dpiaAuditDetail, dpiaDocument } from '../../services/dpia-document.ts';
import { publicTransparency } from '../../services/public-transparency.ts';
import { registerCsv, registerExport } from '../../services/register-export.ts';
import type { RoutesPlugin } from '../types.ts';

// The public "Hoe werkt het?" (no session: a public entry in the endpoint table, not
// audited per read, rate limited like the rest), the Algoritmeregister export for the
// beleidsmaker and the DPIA fact sheet for the beheerder.

const publication: RoutesPlugin = async (app) => {
  app.get(
    '/api/public/transparency',
    {
      config: { endpoint: ENDPOINTS.publicTransparency },
      schema: { tags: ['publication'], response: { 200: PublicTransparency } },
    },
    async () => publicTransparency(app.db, app.config),
  );

  app.get(
    '/api/register/export',
    {
      config: { endpoint: ENDPOINTS.registerExport, auditRead: 'register_export' },
      schema: { tags: ['publication'], querystring: RegisterExportQuery, response: { 200: Type.Union([RegisterExport, Type.String()]), 400: ErrorResponse } },
    },
    async (request, reply) => {
      const exported = await registerExport(app.db, app.config);
      const format = request.query.format ?? 'json';
      request.auditObject = {
        type: 'export',
        id: `algoritmeregister:${format}`,
        detail: `ontbrekende verplichte velden: ${exported.missing.join(', ') || 'geen'}`,
      };
      if (format === 'json') return exported;
      reply.header('content-disposition', 'attachment; filename="algoritmeregister.csv"');
      return reply.type('text/csv; charset=utf-8').send(registerCsv(exported.entry as RegisterEntry));
    },
  );

  app.get(
    '/api/dpia/factsheet',
    {
      config: { endpoint: ENDPOINTS.dpiaFactsheet, auditRead: 'dpia_factsheet' },
      schema: {
        tags: ['publication'],
        querystring: DpiaQuery,
        response: { 200: Type.Unsafe<string | Buffer>({ type: 'string', description: 'Markdown of PDF' }), 400: ErrorResponse },
      },
    },
    async (request, reply) => {
      const { from, to, format } = request.query;
      const doc = await dpiaDocument(app.db, app.config, app.clock, { from, to }, format ?? 'md');
      request.auditObject = { type: 'export', id: `dpia:${from}..${to}`, detail: dpiaAuditDetail(doc) };
      reply.header('content-disposition', `attachment; filename="${doc.fileName}"`);
      return reply.type(doc.contentType).send(doc.body);
    },
  );
};
export default publication;
