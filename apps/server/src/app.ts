import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { newId } from './db/ids.ts';
import type { Config } from './config.ts';
import { registerAuthHook } from './http/auth-hook.ts';
import { registerJsonDepthGuard } from './http/body-guards.ts';
import { requestLang, registerLanguage } from './http/lang.ts';
import { t } from './http/messages.ts';
import { handleError, sendProblem } from './http/problem.ts';
import { registerCompression, registerWebApp } from './http/web-assets.ts';
import { auditPlugin } from './modules/audit/index.ts';
import { commitmentsPlugin } from './modules/commitments/index.ts';
import { healthPlugin } from './modules/health/index.ts';
import { initiativesPlugin } from './modules/initiatives/index.ts';
import { demoAccountsPlugin, identityPlugin } from './modules/identity/index.ts';
import { kpiPlugin } from './modules/kpi/index.ts';
import { orgPlugin } from './modules/org/index.ts';
import { recommendationsPlugin } from './modules/recommendations/index.ts';
import { statisticsPlugin } from './modules/statistics/index.ts';
import { reportingPlugin } from './modules/reports/index.ts';
import { scorecardsPlugin } from './modules/scorecards/index.ts';
import { taskIoPlugin } from './modules/task-io/index.ts';
import { tasksPlugin } from './modules/tasks/index.ts';
import { feedbackPlugin, open311Plugin } from './modules/feedback/index.ts';
import { qualityPlugin } from './modules/quality/index.ts';
import type { Services } from './services.ts';

export interface AppDeps {
  config: Config;
  services: Services;
  logger?: boolean | object;
}

/**
 * A number of hops trusts that many proxies in front of the server (the client is the address that many
 * entries from the right of X-Forwarded-For; whatever the client wrote further left is ignored); a string
 * trusts those proxy addresses. (Fastify's own numeric option trusts nothing.)
 */
export function trustProxyOption(
  trust: number | string,
): boolean | string | ((a: string, i: number) => boolean) {
  if (typeof trust === 'string') return trust === '' ? false : trust;
  return trust > 0 ? (_address, hop) => hop < trust : false;
}

/** Builds the HTTP app without listening: `npm start` listens, tests use `app.inject`. */
export async function buildApp({ config, services, logger = false }: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger === true ? { level: config.logLevel } : logger,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: trustProxyOption(config.trustProxy),
    genReqId: () => newId(),
    requestIdHeader: false,
    ajv: undefined,
    // bad URLs and over-long path parameters are answered as problem+json too
    frameworkErrors: (error, request, reply) => void handleError(error, request, reply),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  // The API speaks JSON only: a text/plain body is a 415, not a string handed to a JSON schema.
  app.removeContentTypeParser('text/plain');
  registerJsonDepthGuard(app);

  await registerCompression(app);
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    // HSTS only where the site is served over HTTPS (a plain-HTTP answer must not pin HTTPS)
    strictTransportSecurity: false,
  });
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    if (config.secureCookies || request.protocol === 'https')
      void reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Pilotage API',
        version: '0.1.0',
        description: 'Monitoring and evaluation platform (Resolution 57)',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'pilotage_session' },
          apiKey: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { apiKey: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    uiConfig: { docExpansion: 'list' },
  });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, () => app.swagger());

  registerLanguage(app); // before the auth hook, whose 401 and 403 answers speak it
  registerAuthHook(app, services.auth);
  await app.register(healthPlugin(services.database));
  await app.register(identityPlugin(services.auth, services.users, { secure: config.secureCookies }));
  await app.register(demoAccountsPlugin(services.demoAccounts));
  await app.register(orgPlugin(services.org));
  await app.register(auditPlugin(services.audit));
  await app.register(reportingPlugin(services.reporting));
  await app.register(commitmentsPlugin(services.commitments));
  await app.register(services.notifications.plugin());
  await app.register(taskIoPlugin(services.taskIo));
  await app.register(tasksPlugin(services.tasks));
  await app.register(kpiPlugin(services.kpi));
  await app.register(scorecardsPlugin(services.scorecards));
  await app.register(initiativesPlugin(services.initiatives));
  await app.register(statisticsPlugin(services.statistics));
  await app.register(recommendationsPlugin(services.recommendations));
  await app.register(feedbackPlugin(services.feedback));
  await app.register(open311Plugin(services.feedback));
  await app.register(services.dashboard.plugin());
  await app.register(qualityPlugin(services.quality, { maxUploadBytes: config.qualityMaxUploadBytes }));

  const hasWeb = await registerWebApp(app, config.webDist);
  app.setNotFoundHandler((request, reply) => {
    if (!request.url.startsWith('/api/') && hasWeb && request.method === 'GET') {
      return reply.type('text/html').sendFile('index.html');
    }
    const lang = requestLang(request);
    return sendProblem(reply, request, {
      status: 404,
      title: t(lang, 'not_found'),
      detail: t(lang, 'route_not_found', { method: request.method, url: request.url.split('?')[0] ?? '' }),
    });
  });
  return app;
}
