import { Type } from 'typebox';
import { ENDPOINTS } from '@vroegsignaal/shared/api/endpoints';
import type { RoutesPlugin } from '../types.ts';

const health: RoutesPlugin = async (app) => {
  app.get(
    '/api/health',
    {
      config: { endpoint: ENDPOINTS.health },
      schema: { tags: ['meta'], response: { 200: Type.Object({ status: Type.Literal('ok') }) } },
    },
    async () => ({ status: 'ok' as const }),
  );
};
export default health;
