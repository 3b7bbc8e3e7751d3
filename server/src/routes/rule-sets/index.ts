import { ErrorResponse, IdParams } from '@vroegsignaal/shared/api/common';
import { ENDPOINTS } from '@vroegsignaal/shared/api/endpoints';
import { ApproveRuleSet, PreviewResult, RuleSetBody, RuleSetDetail, RuleSetList } from '@vroegsignaal/shared/api/rule-sets';
import { checkRuleSet, mistakeText, type RuleSetDefinition } from '@vroegsignaal/shared';
import { bodyCheckedBy } from '../../plugins/app/validation.ts';
import { ApiError } from '../../services/errors.ts';
import { previewRuleSet } from '../../services/preview.ts';
import { allRuleSets, approve, createDraft, editDraft, requestPublication, ruleSetDetail, withdrawPublication } from '../../services/rule-set-workflow.ts';
import { invalidMessage } from '../../services/rule-sets.ts';
import { userOf, type RoutesPlugin } from '../types.ts';

const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const detail = { 200: RuleSetDetail, ...errors };

// The body is checked by the shared rule-set validator (as `mpg rules import` and the
// dashboard are), and arrives in the handler as the definition to store.
const ruleSetBody = bodyCheckedBy((body) => {
  const r = checkRuleSet(body);
  if (r.ok) return { ok: true, value: r.ruleSet };
  const messages = r.errors.map(mistakeText);
  const field = r.errors[0]?.path ? `body.${r.errors[0].path}` : 'body';
  return { ok: false, error: new ApiError(400, invalidMessage(messages), field, messages.join('; ')) };
});
const definitionOf = (body: unknown) => body as RuleSetDefinition;

const ruleSets: RoutesPlugin = async (app) => {
  app.get('/api/rule-sets', { config: { endpoint: ENDPOINTS.ruleSets }, schema: { tags: ['rule-sets'], response: { 200: RuleSetList } } }, async () =>
    allRuleSets(app.db),
  );

  app.get(
    '/api/rule-sets/:id',
    {
      config: { endpoint: ENDPOINTS.ruleSet },
      schema: { tags: ['rule-sets'], params: IdParams, response: detail },
    },
    async (request) => ruleSetDetail(app.db, request.params.id),
  );

  app.post(
    '/api/rule-sets',
    {
      config: { endpoint: ENDPOINTS.createRuleSet },
      validatorCompiler: ruleSetBody,
      schema: { tags: ['rule-sets'], body: RuleSetBody, response: { 201: RuleSetDetail, ...errors } },
    },
    async (request, reply) => {
      const created = await createDraft(app.db, app.clock, userOf(request).username, definitionOf(request.body));
      request.auditObject = { type: 'rule_set', id: String(created.id), detail: `${created.name} v${created.version} (concept)` };
      return reply.code(201).send(created);
    },
  );

  app.put(
    '/api/rule-sets/:id',
    {
      config: { endpoint: ENDPOINTS.updateRuleSet },
      validatorCompiler: ruleSetBody,
      schema: { tags: ['rule-sets'], params: IdParams, body: RuleSetBody, response: detail },
    },
    async (request) => {
      const { detail, voided } = await editDraft(app.db, app.clock, userOf(request).username, request.params.id, definitionOf(request.body));
      const what = voided ? 'bewerkt; publicatieaanvraag vervallen' : 'bewerkt';
      request.auditObject = {
        type: 'rule_set',
        id: String(detail.id),
        detail: `${detail.name} v${detail.version} ${what} (${detail.content_hash.slice(0, 12)})`,
      };
      return detail;
    },
  );

  app.post(
    '/api/rule-sets/:id/preview',
    {
      config: { endpoint: ENDPOINTS.previewRuleSet },
      schema: { tags: ['rule-sets'], params: IdParams, response: { 200: PreviewResult, ...errors } },
    },
    async (request) => previewRuleSet(app.db, app.clock, app.config.timeZone, request.params.id, userOf(request).username),
  );

  app.post(
    '/api/rule-sets/:id/request-publication',
    {
      config: { endpoint: ENDPOINTS.requestPublication },
      schema: { tags: ['rule-sets'], params: IdParams, response: detail },
    },
    async (request) => requestPublication(app.db, app.clock, userOf(request).username, request.params.id),
  );

  app.post(
    '/api/rule-sets/:id/withdraw',
    {
      config: { endpoint: ENDPOINTS.withdrawPublication },
      schema: { tags: ['rule-sets'], params: IdParams, response: detail },
    },
    async (request) => withdrawPublication(app.db, app.clock, userOf(request).username, request.params.id),
  );

  app.post(
    '/api/rule-sets/:id/approve',
    {
      config: { endpoint: ENDPOINTS.approveRuleSet },
      schema: { tags: ['rule-sets'], params: IdParams, body: ApproveRuleSet, response: detail },
    },
    async (request) => {
      const approved = await approve(app.db, app.clock, userOf(request).username, request.params.id, request.body);
      request.auditObject = {
        type: 'rule_set',
        id: String(approved.id),
        detail: `${approved.name} v${approved.version} goedgekeurd (${approved.content_hash.slice(0, 12)}): ${approved.approval_reason ?? ''}`.slice(0, 2000),
      };
      return approved;
    },
  );
};
export default ruleSets;
