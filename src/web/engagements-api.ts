// The engagements' API: send answers for signature (POST /api/engagements),
// check a file (POST /api/verify) and the public key that checks seals
// (GET /.well-known/contract-kit-keys.json). The client's and the
// freelancer's pages are in engagement-pages.ts; both go through
// engagements/service.ts.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { answersSchema } from '../answers/schema.ts';
import { cleanLine } from '../answers/text.ts';
import type { Visitor } from '../engagements/events.ts';
import type { EngagementService } from '../engagements/service.ts';
import type { Engagement } from '../engagements/engagement.ts';
import { say } from '../language/messages.ts';
import { isKnownTimeZone, timeZoneNamed } from '../language/time-zone.ts';
import { problemLanguage } from './plugins/language.ts';
import { DOCX_TYPE, requireJson } from './api.ts';
import { HttpProblem } from './problems.ts';

export interface EngagementsApiOptions {
  readonly service: EngagementService;
  /** The shared documents budget: sending renders a contract, verifying reads one. */
  readonly generateRouteConfig?: Record<string, unknown>;
  /** Largest file accepted for verification. */
  readonly uploadLimitBytes?: number;
}

/** Long enough for any name a person signs with; the answers allow the same. */
export const SIGNATURE_LIMITS = { name: 120, title: 120, message: 2000 } as const;

/** A typed signature: the name, and the title where one signs for a business. */
export const signingSchema = z.strictObject({
  name: z
    .string({ error: () => say('engagement.signature.name.missing') })
    .overwrite(cleanLine)
    .min(1, { error: () => say('engagement.signature.name.missing') })
    .max(SIGNATURE_LIMITS.name, { error: () => say('engagement.signature.name.tooLong', { max: SIGNATURE_LIMITS.name }) }),
  title: z
    .string({ error: () => say('engagement.signature.title.tooLong', { max: SIGNATURE_LIMITS.title }) })
    .overwrite(cleanLine)
    .max(SIGNATURE_LIMITS.title, { error: () => say('engagement.signature.title.tooLong', { max: SIGNATURE_LIMITS.title }) })
    .optional(),
});

const sendSchema = z.strictObject({
  answers: answersSchema,
  /** The freelancer signs as they send; they may instead sign later on their page. */
  sign: signingSchema.optional(),
  /** The parties' zone, for the record's second column of times; the governing law's place's when left out. */
  timeZone: z
    .string({ error: () => say('engagement.timeZone.unknown') })
    // Spelt as Intl spells it ("asia/tokyo" is Asia/Tokyo); overwrite, not transform, so the OpenAPI document can describe it.
    .overwrite((value) => timeZoneNamed(value) ?? value)
    .refine(isKnownTimeZone, { error: () => say('engagement.timeZone.unknown') })
    .optional(),
});

/** Where a request came from, as the record keeps it (the address as TRUST_PROXY lets Fastify see it). */
export function visitorOf(request: FastifyRequest): Visitor {
  const agent = String(request.headers['user-agent'] ?? '');
  return { address: request.ip, userAgent: cleanLine(agent).slice(0, 400) };
}

/** The two links, on this site's own address: the client's to send, the freelancer's to keep. */
export function linksOf(request: FastifyRequest, engagement: Engagement) {
  const base = `${request.protocol}://${request.host}`;
  return { client: `${base}/sign/${engagement.clientKey}`, freelancer: `${base}/engagements/${engagement.ownerKey}` };
}

const VERIFY_TYPES = [DOCX_TYPE, 'application/octet-stream'];

export const engagementsApiRoutes: FastifyPluginAsync<EngagementsApiOptions> = async (app, { service, generateRouteConfig = {}, uploadLimitBytes = 1_048_576 }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  // A Word file as the body of POST /api/verify; only in this plugin.
  app.addContentTypeParser(VERIFY_TYPES, { parseAs: 'buffer', bodyLimit: uploadLimitBytes }, (_request, body, done) => done(null, body));

  app.get('/.well-known/contract-kit-keys.json', { schema: { summary: 'The public keys that check signature records', tags: ['engagements'] } }, async (_request, reply) =>
    // Public and the same for everyone: caches may keep it.
    reply.header('cache-control', 'public, max-age=3600').send(service.publishedKeys()),
  );

  api.post('/api/engagements', {
    ...generateRouteConfig,
    preValidation: async (request) => requireJson(request),
    schema: {
      summary: 'Send a contract for signature',
      description:
        'Freezes the answers and the exact Word file (its SHA-256 is the document\'s identity) and answers with the client\'s link (to send) and the freelancer\'s (to keep). With `sign`, the freelancer signs as they send. `timeZone` (an IANA name such as America/New_York) is the zone the certificate shows beside UTC; left out, it is the governing law\'s place\'s (Asia/Tokyo for a Japanese contract), else UTC. Links are secrets: anyone holding one can open that page.',
      tags: ['engagements'],
      body: sendSchema,
    },
  }, async (request, reply) => {
    const { answers, sign, timeZone } = request.body;
    const engagement = await service.send({ answers, ...(sign ? { freelancer: sign } : {}), ...(timeZone ? { timeZone } : {}), visitor: visitorOf(request) });
    const current = await service.view(engagement);
    return reply.code(201).send({
      id: engagement.id,
      version: engagement.version,
      documentHash: engagement.documentHash,
      links: linksOf(request, engagement),
      status: current.status,
      timeZone: service.certificate(current).timeZone,
    });
  });

  app.post('/api/verify', {
    ...generateRouteConfig,
    schema: {
      summary: 'Check a signed Word file',
      description: `Send the file as the body (Content-Type: ${DOCX_TYPE}). Answers whether it is exactly the signed file, which engagement and events it belongs to, and whether the record's seal holds; each failure is a sentence, in the language of Accept-Language (English or Japanese).`,
      tags: ['engagements'],
    },
  }, async (request, reply) => {
    const type = String(request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (!VERIFY_TYPES.includes(type) || !Buffer.isBuffer(request.body)) throw HttpProblem.of(415, 'unsupported-media-type', undefined, 'problem.unsupported-media-type.verify');
    // Its sentences in the language the API writes its problems in: the request's Accept-Language.
    const verdict = await service.verify(new Uint8Array(request.body), problemLanguage(request));
    return reply.send({
      valid: verdict.valid,
      sealed: verdict.sealed,
      problems: verdict.problems,
      engagement: verdict.engagementId ?? null,
      certificate: verdict.certificate ?? null,
    });
  });
};
