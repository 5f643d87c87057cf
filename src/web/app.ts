// buildApp() assembles a ready Fastify instance and nothing else: no
// listening, no signals. Tests drive it with app.inject; server.ts listens.
import { join, resolve } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import accepts from '@fastify/accepts';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import view from '@fastify/view';
import { Eta } from 'eta';
import secureJson from 'secure-json-parse';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { DEFAULT_MAX_CONNECTIONS, type AppConfig } from '../config.ts';
import { PROJECT_ROOT } from '../project-root.ts';
import type { ClauseLibrary } from '../clauses/load.ts';
import { loadContractLibrary } from '../contract/library.ts';
import { places } from '../jurisdictions/places.ts';
import { japaneseContractEdition } from '../contract/edition-ja.ts';
import { apiRoutes, type ApiOptions } from './api.ts';
import { engagementsApiRoutes } from './engagements-api.ts';
import { engagementPagesRoutes } from './engagement-pages.ts';
import { engagementService } from '../engagements/service.ts';
import { contractDocxWriter } from '../render/docx-package.ts';
import { invoicesApiRoutes } from './invoices-api.ts';
import { claimPackApiRoutes } from './claim-pack-api.ts';
import { lettersApiRoutes } from './letters-api.ts';
import { loadLetterLibrary } from '../letters/library.ts';
import { japaneseLetters } from '../letters/edition-ja.ts';
import { DraftStoreUnavailableError, type DraftStore } from '../drafts/store.ts';
import { healthPlugin } from './plugins/health.ts';
import { metricsPlugin } from './plugins/metrics.ts';
import { helmetHeaders, securityHeadersPlugin } from './plugins/security-headers.ts';
import { storagePlugin } from './plugins/storage.ts';
import { wizardRoutes } from './wizard/routes.ts';
import { registerRateLimits } from './rate-limits.ts';
import { checkRouteBudgets } from './route-budgets.ts';
import { answerClientError } from './client-errors.ts';
import { logRequest } from './log-redaction.ts';
import { fastifyTrustProxy } from './proxy-trust.ts';
import { PERMISSIONS_POLICY, securityOptions as securityPolicy } from './security-policy.ts';
import { boundedShape, MAX_ITEMS_PER_LIST, MAX_KEYS_PER_OBJECT, TooManyKeysError } from './bounded-json.ts';
import { problemIn, sendProblem, toProblemIn, wantsHtml, HttpProblem } from './problems.ts';
import { languagePlugin, pageMessages, problemLanguage } from './plugins/language.ts';
import { loadCatalogues, messagesFor } from '../language/messages.ts';
import { loadStatuteBook, statuteBook } from '../jurisdictions/statutes.ts';

export const VIEWS_DIR = join(PROJECT_ROOT, 'views');
const ASSETS_DIR = join(VIEWS_DIR, 'assets');


export interface BuildOptions extends Partial<AppConfig> {
  /** Tests only: where log lines go (stdout otherwise). */
  readonly logStream?: { write(line: string): void };
  /** A clause library already loaded (tests, benchmarks); loaded from clauses/ otherwise. */
  readonly library?: ClauseLibrary;
  /** Benchmarks only: serve POST /api/contracts with another Word renderer (the docx-library baseline). */
  readonly renderContractDocx?: ApiOptions['renderContractDocx'];
  /** Tests only: a draft store already opened (one that fails on demand); chosen by databaseUrl otherwise. */
  readonly drafts?: DraftStore;
  /** The clock: draft expiry and the dates the wizard offers as "today". Tests fix it. */
  readonly now?: () => Date;
  /** Tests only: the folder of message catalogues to check at start-up (messages/ otherwise). */
  readonly messagesDir?: string;
  /** Tests only: the folder of statute files to check at start-up (jurisdictions/statutes/ otherwise). */
  readonly statutesDir?: string;
}

/**
 * Node's and Fastify's defaults let a client hold a connection for ever by
 * sending its body a byte at a time (requestTimeout and connectionTimeout are
 * 0), so every wait has an end. Node checks the request and header deadlines
 * only every connectionsCheckingInterval (30 s by default), so it is checked
 * each second: a trickled request is cut within a second of its deadline.
 */
export function serverTimeouts(requestTimeoutSeconds: number) {
  const requestTimeout = requestTimeoutSeconds * 1000;
  return {
    // The whole request, headers and body, must arrive within this.
    requestTimeout,
    // A socket with no traffic at all (also while a slow response is read) is closed after this.
    connectionTimeout: requestTimeout + 30_000,
    // An idle keep-alive connection is closed after this; browsers reopen one at no visible cost.
    keepAliveTimeout: 5_000,
    // Enough for a browser's page, its assets and a few downloads on one connection; then it reconnects.
    maxRequestsPerSocket: 1_000,
    http: {
      // Headers are a few kB: ten seconds is plenty, and never more than the whole request may take.
      headersTimeout: Math.min(10_000, requestTimeout),
      connectionsCheckingInterval: 1_000,
    },
  };
}

export async function buildApp(options: BuildOptions = {}): Promise<FastifyInstance> {
  const library = options.library ?? loadContractLibrary();
  // The other languages' libraries are checked at start-up too, so a wording mistake stops the server.
  japaneseContractEdition();
  // The place data (jurisdictions/places/) too: a wrong or unsourced fact stops the server with the file and field named.
  places();
  // Every language's words, checked against English: a missing or unknown key stops the server with the file named.
  loadCatalogues(options.messagesDir);
  // The statutes and their rate tables: a figure without its source, or a rate table out of order, stops the server with the file named.
  if (options.statutesDir === undefined) statuteBook();
  else loadStatuteBook(options.statutesDir);
  const rateLimitPerMinute = options.rateLimitPerMinute ?? 60;
  const logLevel = options.logLevel ?? 'silent';

  // HTTPS lives at the proxy: served directly the app speaks plain HTTP (often
  // on a LAN address), where HSTS and upgrade-insecure-requests would send
  // browsers to an https:// that does not answer.
  const behindHttpsProxy = (options.trustProxy ?? false) !== false;
  const securityOptions = securityPolicy(behindHttpsProxy);
  const securityHeaders = helmetHeaders(securityOptions);

  const app: FastifyInstance = Fastify({
    // A URL the router cannot read (bad percent-encoding) never reaches a
    // route or its hooks: answered here as every other problem is, with the
    // usual headers, without echoing the URL, logged; the metrics' onResponse
    // hook still counts it (as route "unmatched").
    frameworkErrors: (error, request, reply) => {
      request.log.info({ code: error.code }, 'request refused by the router');
      app.metrics?.countUnrouted(request.method, 400);
      for (const [name, value] of securityHeaders) reply.header(name, value);
      reply.header('permissions-policy', PERMISSIONS_POLICY).header('cache-control', 'no-store');
      sendProblem(reply, HttpProblem.of(400, 'bad-request', undefined, 'problem.bad-request.url'));
    },
    // A request Node's parser refuses (a bad header, headers too large, too
    // slow) gets the same treatment, on the raw socket: no route, no hooks.
    clientErrorHandler: (error, socket) =>
      answerClientError(error, socket, {
        headers: [...securityHeaders, ['permissions-policy', PERMISSIONS_POLICY], ['cache-control', 'no-store']],
        log: app.log,
        count: (status) => app.metrics?.countUnrouted('unknown', status),
      }),
    bodyLimit: options.bodyLimitBytes ?? 1_048_576,
    ...serverTimeouts(options.requestTimeoutSeconds ?? 30),
    trustProxy: fastifyTrustProxy(options.trustProxy ?? false),
    // Request logs carry method, URL and status only: never a body, so never a name, email or phone.
    logger: logLevel === 'silent' ? false : { level: logLevel, stream: options.logStream, serializers: { req: logRequest } },
    // Draft ids and CSRF tokens are long; anything longer than this is not ours.
    routerOptions: { maxParamLength: 200 },
  });
  // Node closes a connection past this at once, before reading a byte of it.
  app.server.maxConnections = options.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
  // Every route's budget is checked against one table (src/web/route-budgets.ts)
  // before any route is added; checked once all exist: a route added without its entry, or with another
  // budget than the table says, stops the server at start-up (and every test).
  if (rateLimitPerMinute > 0) checkRouteBudgets(app);
  // First, so that its timing hook sees every route.
  if (options.metrics ?? true) await app.register(metricsPlugin, { token: options.metricsToken });
  await app.register(storagePlugin, {
    dataDir: options.dataDir ?? resolve('data'),
    draftTtlDays: options.draftTtlDays ?? 30,
    databaseUrl: options.databaseUrl,
    cookieSecret: options.cookieSecret,
    drafts: options.drafts,
    signingKey: options.signingKey,
    now: options.now,
  });
  // Imported only when REDIS_URL is set: the Redis client adds about 20 MB to a server that does not use it.
  const redisModule = options.redisUrl ? await import('../storage/redis.ts') : undefined;
  const redisConnection = redisModule && options.redisUrl ? redisModule.createRedis(options.redisUrl, app.log) : undefined;
  const redis = redisConnection?.redis;
  if (redis) app.addHook('onClose', async () => void redis.disconnect());
  await app.register(healthPlugin, { redis });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Set before any route so that it covers all of them.
  app.setErrorHandler((error, request, reply) => {
    // A page's error in the page's language; the API's in the one Accept-Language asks for.
    const problem = toProblemIn(error, request, wantsHtml(request) ? pageMessages(reply).language : problemLanguage(request));
    // A database outage is logged by the store, once a minute (src/storage/outage-log.ts), not once a request.
    if (problem.status >= 500 && !(error instanceof DraftStoreUnavailableError)) request.log.error({ err: error }, 'request failed');
    if (problem.status === 429 && error && typeof error === 'object' && 'headers' in error) {
      reply.headers((error as { headers: Record<string, string> }).headers);
    }
    if (wantsHtml(request)) {
      return reply.code(problem.status).type('text/html; charset=utf-8').view('error.eta', { title: problem.title, detail: problem.detail, status: problem.status });
    }
    return sendProblem(reply, problem);
  });
  app.setNotFoundHandler((request, reply) => {
    const problem = problemIn(HttpProblem.of(404, 'not-found', { method: request.method, path: request.url.split('?')[0]! }), messagesFor(problemLanguage(request)));
    if (wantsHtml(request)) {
      const { t } = pageMessages(reply);
      return reply.code(404).type('text/html; charset=utf-8').view('error.eta', { title: t('error.notFound.title'), detail: t('error.notFound.detail'), status: 404 });
    }
    return sendProblem(reply, problem);
  });

  // Fastify's own JSON parser says "Body is not valid JSON" for a syntax
  // error and for a "__proto__" key alike; ours tells the two apart, and
  // where the syntax error is, so an API user can fix the request.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === '') {
      done(HttpProblem.of(400, 'malformed-json', undefined, 'problem.malformed-json.empty'), undefined);
      return;
    }
    try {
      done(null, secureJson.parse(text, boundedShape, { protoAction: 'error', constructorAction: 'error' }));
    } catch (error) {
      if (error instanceof TooManyKeysError) {
        done(HttpProblem.of(400, 'malformed-json', { keys: MAX_KEYS_PER_OBJECT, items: MAX_ITEMS_PER_LIST }, 'problem.malformed-json.tooManyKeys'), undefined);
        return;
      }
      const message = (error as Error).message;
      done(/prototype|constructor/i.test(message)
        ? HttpProblem.of(400, 'malformed-json', undefined, 'problem.malformed-json.prototype')
        // The parser's own words say where the syntax error is; they are in English.
        : HttpProblem.of(400, 'malformed-json', { parser: message.replace(/^Unexpected/, 'unexpected') }, 'problem.malformed-json.syntax'), undefined);
    }
  });

  await app.register(securityHeadersPlugin, securityOptions);
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('permissions-policy', PERMISSIONS_POLICY);
    // Pages, contracts, letters and downloads carry someone's answers: no
    // cache keeps them. Static assets set their own Cache-Control and keep it.
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
  await app.register(accepts);
  await app.register(cookie, { secret: app.cookieSecret });
  await app.register(formbody);
  // The import form sends a CSRF token and one file: anything more is refused
  // rather than buffered (a field is kept in memory whole; the default allows 1 MB each).
  await app.register(multipart, { limits: { fileSize: options.bodyLimitBytes ?? 1_048_576, files: 1, fields: 2, parts: 3, fieldNameSize: 100, fieldSize: 1024 } });
  // The counters live in Redis when REDIS_URL is set, in memory otherwise.
  const rateLimits = await registerRateLimits(app, { perMinute: rateLimitPerMinute, storeOptions: redisModule?.redisRateLimitOptions(redisConnection) ?? {} });
  await app.register(view, {
    engine: { eta: new Eta() },
    root: VIEWS_DIR,
    // What a page shows before its language is known (an error in the earliest hooks): English.
    defaultContext: { appName: 'Contract Kit', lang: 'en', t: messagesFor('en').t, otherLanguages: [] },
  });
  // After the views (which reset reply.locals on each request): every page's language and words.
  await app.register(languagePlugin);
  await app.register(fastifyStatic, { root: ASSETS_DIR, prefix: '/assets/', index: false });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Freelance contract generator',
        description: 'Answers in, a Word contract out: deposit, kill fee, governing law and venue, ownership on full payment.',
        version: '1.0.0',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: true,
    // swagger-ui's own policy asks for upgrade-insecure-requests; like ours, only behind an HTTPS proxy.
    transformStaticCSP: (header) =>
      behindHttpsProxy ? header : header.split(';').filter((directive) => directive.trim() !== 'upgrade-insecure-requests').join(';'),
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // One documents budget per address, shared by every route that renders a file.
  const generateRouteConfig = rateLimits.documents;
  await app.register(apiRoutes, { library, generateRouteConfig, renderContractDocx: options.renderContractDocx });
  // Loaded once, at start-up: a broken letter template stops the server with the file named.
  const letters = loadLetterLibrary();
  japaneseLetters();
  // Before the wizard: its claim pack holds the signed contract when the draft's engagement is complete.
  const engagements = engagementService({
    store: app.engagements,
    key: app.signingKey,
    library,
    writer: await contractDocxWriter(),
    retentionYears: options.engagementRetentionYears ?? 7,
    ...(options.now ? { now: options.now } : {}),
  });
  await app.register(wizardRoutes, { library, store: app.drafts, letters, engagements, generateRouteConfig, wizardRateLimits: rateLimits.wizard, uploadLimitBytes: options.bodyLimitBytes, now: options.now });
  await app.register(lettersApiRoutes, { letters, generateRouteConfig });
  await app.register(invoicesApiRoutes, { generateRouteConfig });
  await app.register(engagementsApiRoutes, { service: engagements, generateRouteConfig, uploadLimitBytes: options.bodyLimitBytes });
  await app.register(engagementPagesRoutes, {
    service: engagements,
    engagements: app.engagements,
    drafts: app.drafts,
    generateRouteConfig,
    linkRouteConfig: rateLimits.wizard('page'),
    uploadLimitBytes: options.bodyLimitBytes,
  });
  await app.register(claimPackApiRoutes, { library, letters, generateRouteConfig });

  return app;
}
