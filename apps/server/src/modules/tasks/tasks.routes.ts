import type { FastifyInstance } from 'fastify';
import { assignmentRoutes, programmeRoutes, taskRoutes } from '@pilotage/contracts';
import { route } from '../../http/route.ts';
import type { TasksModule } from './index.ts';

/** Thin HTTP layer: parsed input → service → result. */
export function tasksPlugin(m: TasksModule) {
  return async (app: FastifyInstance) => {
    route(app, programmeRoutes.listDocuments, ({ query }, ctx) => m.programmes.listDocuments(ctx, query));
    route(app, programmeRoutes.createDocument, ({ body }, ctx) => m.programmes.createDocument(ctx, body));
    route(app, programmeRoutes.list, ({ query }, ctx) => m.programmes.list(ctx, query));
    route(app, programmeRoutes.create, ({ body }, ctx) => m.programmes.create(ctx, body));
    route(app, programmeRoutes.get, ({ params }, ctx) => m.programmes.get(ctx, params.id));
    route(app, programmeRoutes.summary, ({ params, query }, ctx) =>
      m.programmes.summary(ctx, params.id, query.asOf),
    );

    route(app, taskRoutes.list, ({ query }, ctx) => m.tasks.list(ctx, query));
    route(app, taskRoutes.create, ({ body }, ctx) => m.tasks.create(ctx, body));
    route(app, taskRoutes.get, ({ params, query }, ctx) => m.tasks.get(ctx, params.id, query.asOf));
    route(app, taskRoutes.update, ({ params, body }, ctx) => m.tasks.update(ctx, params.id, body));

    route(app, assignmentRoutes.list, ({ query }, ctx) => m.assignments.list(ctx, query));
    route(app, assignmentRoutes.get, ({ params, query }, ctx) =>
      m.assignments.get(ctx, params.id, query.asOf),
    );
    route(app, assignmentRoutes.assign, ({ params, body }, ctx) =>
      m.assignments.assign(ctx, params.id, body),
    );
    route(app, assignmentRoutes.cascade, ({ params, body }, ctx) =>
      m.assignments.cascade(ctx, params.id, body),
    );
    route(app, assignmentRoutes.update, ({ params, body }, ctx) =>
      m.assignments.update(ctx, params.id, body),
    );
    route(app, assignmentRoutes.listExtensions, ({ params }, ctx) => m.extensions.list(ctx, params.id));
    route(app, assignmentRoutes.requestExtension, ({ params, body }, ctx) =>
      m.extensions.request(ctx, params.id, body),
    );
    route(app, assignmentRoutes.decideExtension, ({ params, body }, ctx) =>
      m.extensions.decide(ctx, params.id, body),
    );
  };
}
