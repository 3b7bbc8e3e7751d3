import { ENDPOINTS } from '@vroegsignaal/shared/api/endpoints';
import { Transparency } from '@vroegsignaal/shared/api/transparency';
import { transparency } from '../../services/transparency.ts';
import type { RoutesPlugin } from '../types.ts';

const route: RoutesPlugin = async (app) => {
  app.get(
    '/api/transparency',
    {
      config: { endpoint: ENDPOINTS.transparency },
      schema: { tags: ['transparency'], response: { 200: Transparency } },
    },
    async () => transparency(app.db),
  );
};
export default route;
