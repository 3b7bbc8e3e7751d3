import { ErrorResponse, IdParams } from '@vroegsignaal/shared/api/common';
import { ENDPOINTS } from '@vroegsignaal/shared/api/endpoints';
import { PreviewResult, RuleSetDefinition, RuleSetDetail, RuleSetList } from '@vroegsignaal/shared/api/rule-sets';
import { previewRuleSet } from '../../services/preview.ts';
import { allRuleSets, approve, createDraft, editDraft, requestPublication, ruleSetDetail, withdrawPublication } from '../../services/rule-set-workflow.ts';
import { userOf, type RoutesPlugin } from '../types.ts';

const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const detail = { 200: RuleSetDetail, ...errors };

const ruleSets: RoutesPlugin = async (app) => {
  app.get('/api/rule-sets', { config: { endpoint: ENDPOINTS.ruleSets }, schema: { tags: ['rule-sets'], response: { 200: RuleSetList } } }, async () =>
    allRuleSets(app.db));

  app.get('/api/rule-sets/:id', {
    config: { endpoint: ENDPOINTS.ruleSet },
    schema: { tags: ['rule-sets'], params: IdParams, response: detail },
  }, async (request) => ruleSetDetail(app.db, request.params.id));

  app.post('/api/rule-sets', {
    config: { endpoint: ENDPOINTS.createRuleSet },
    schema: { tags: ['rule-sets'], body: RuleSetDefinition, response: { 201: RuleSetDetail, ...errors } },
  }, async (request, reply) => {
    const created = await createDraft(app.db, app.clock, userOf(request).username, request.body);
    request.auditObject = { type: 'rule_set', id: String(created.id), detail: `${created.name} v${created.version} (concept)` };
    return reply.code(201).send(created);
  });

  app.put('/api/rule-sets/:id', {
    config: { endpoint: ENDPOINTS.updateRuleSet },
    schema: { tags: ['rule-sets'], params: IdParams, body: RuleSetDefinition, response: detail },
  }, async (request) => editDraft(app.db, request.params.id, request.body));

  app.post('/api/rule-sets/:id/preview', {
    config: { endpoint: ENDPOINTS.previewRuleSet },
    schema: { tags: ['rule-sets'], params: IdParams, response: { 200: PreviewResult, ...errors } },
  }, async (request) => previewRuleSet(app.db, app.clock, app.config.timeZone, request.params.id, userOf(request).username));

  app.post('/api/rule-sets/:id/request-publication', {
    config: { endpoint: ENDPOINTS.requestPublication },
    schema: { tags: ['rule-sets'], params: IdParams, response: detail },
  }, async (request) => requestPublication(app.db, app.clock, userOf(request).username, request.params.id));

  app.post('/api/rule-sets/:id/withdraw', {
    config: { endpoint: ENDPOINTS.withdrawPublication },
    schema: { tags: ['rule-sets'], params: IdParams, response: detail },
  }, async (request) => withdrawPublication(app.db, request.params.id));

  app.post('/api/rule-sets/:id/approve', {
    config: { endpoint: ENDPOINTS.approveRuleSet },
    schema: { tags: ['rule-sets'], params: IdParams, response: detail },
  }, async (request) => approve(app.db, app.clock, userOf(request).username, request.params.id));
};
export default ruleSets;
