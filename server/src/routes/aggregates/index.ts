import { AggregateRunQuery, IndicatorsAggregate, PrecisionAggregate, WeeksAggregate, WeeksQuery, WijkenAggregate } from '@vroegsignaal/shared/api/aggregates';
import { ErrorResponse } from '@vroegsignaal/shared/api/common';
import { ENDPOINTS } from '@vroegsignaal/shared/api/endpoints';
import { indicators, precision, weeks, wijken } from '../../services/aggregates.ts';
import type { RoutesPlugin } from '../types.ts';

const errors = { 400: ErrorResponse, 404: ErrorResponse };

const aggregates: RoutesPlugin = async (app) => {
  app.get(
    '/api/aggregates/weeks',
    {
      config: { endpoint: ENDPOINTS.aggregateWeeks },
      schema: { tags: ['aggregates'], querystring: WeeksQuery, response: { 200: WeeksAggregate, ...errors } },
    },
    async (request) => weeks(app.db, request.query.from, request.query.to),
  );

  app.get(
    '/api/aggregates/wijken',
    {
      config: { endpoint: ENDPOINTS.aggregateWijken },
      schema: { tags: ['aggregates'], querystring: AggregateRunQuery, response: { 200: WijkenAggregate, ...errors } },
    },
    async (request) => wijken(app.db, request.query.run),
  );

  app.get(
    '/api/aggregates/indicators',
    {
      config: { endpoint: ENDPOINTS.aggregateIndicators },
      schema: { tags: ['aggregates'], querystring: AggregateRunQuery, response: { 200: IndicatorsAggregate, ...errors } },
    },
    async (request) => indicators(app.db, request.query.run),
  );

  app.get(
    '/api/aggregates/precision',
    {
      config: { endpoint: ENDPOINTS.aggregatePrecision },
      schema: { tags: ['aggregates'], response: { 200: PrecisionAggregate } },
    },
    async () => precision(app.db),
  );
};
export default aggregates;
