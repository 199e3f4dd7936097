import type { FastifyInstance } from 'fastify';
import { demoRoutes } from '@pilotage/contracts';
import { route } from '../../http/route.ts';
import type { DemoAccountsService } from './demo-accounts.service.ts';

export function demoAccountsPlugin(demo: DemoAccountsService) {
  return async (app: FastifyInstance) => {
    route(app, demoRoutes.removeAccounts, (_, ctx) => demo.removeAll(ctx));
  };
}
