// The engagements' pages, server-rendered and complete without JavaScript:
// "Send for signature" from Check your answers, the client's page at its
// unguessable link (read, download, sign or ask for changes), the
// freelancer's page (status, the link to send, the record, downloads) and
// the verification page. Every form carries a CSRF token and ends in a
// redirect (303) when it succeeds, as the wizard's do.
import csrfProtection from '@fastify/csrf-protection';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Multipart } from '@fastify/multipart';
import type { Language } from '../answers/schema.ts';
import { cleanMultiline } from '../answers/text.ts';
import type { DraftStore } from '../drafts/store.ts';
import { certificateWords } from '../engagements/certificate-words.ts';
import { recordTimeZone, timeZoneLine } from '../engagements/certificate.ts';
import type { Engagement } from '../engagements/engagement.ts';
import type { Party } from '../engagements/events.ts';
import { businessOf, consentText, type EngagementService, type EngagementView } from '../engagements/service.ts';
import { eventTime } from '../engagements/signed-contract.ts';
import { completeAnswers } from './wizard/engine.ts';
import type { EngagementStore } from '../engagements/store.ts';
import type { Messages } from '../language/messages.ts';
import { timeZoneNamed } from '../language/time-zone.ts';
import { renderContractHtml } from '../render/html.ts';
import { PDF_TYPE } from '../render/pdf-on-demand.ts';
import { DOCX_TYPE } from './api.ts';
import { sendDownload } from './download.ts';
import { withCsrfCookieFirst } from './csrf.ts';
import { linksOf, signingSchema, SIGNATURE_LIMITS, visitorOf } from './engagements-api.ts';
import { pageMessages, useLanguage } from './plugins/language.ts';
import { HttpProblem } from './problems.ts';
import { single } from './wizard/form-values.ts';
import { draftUrl, html, SCRIPTS } from './wizard/pages.ts';

export interface EngagementPagesOptions {
  readonly service: EngagementService;
  readonly engagements: EngagementStore;
  readonly drafts: DraftStore;
  /** The shared documents budget for the downloads and verification. */
  readonly generateRouteConfig?: Record<string, unknown>;
  /** The budget for opening a link: a person opens a few, a guesser many. */
  readonly linkRouteConfig?: Record<string, unknown>;
  readonly uploadLimitBytes?: number;
}

interface KeyParams {
  key: string;
}

type Form = Record<string, unknown>;

const CSRF_ERRORS = new Set(['FST_CSRF_INVALID_TOKEN', 'FST_CSRF_MISSING_SECRET']);
const asLanguage = (language: string): Language => (language === 'ja' ? 'ja' : 'en');

interface SignFormState {
  readonly values?: Form;
  readonly errors?: Partial<Record<'name' | 'title' | 'authority' | 'agree', string>>;
}

/** The typed signature in a posted form, or the sentence beside each field that is wrong. */
function readSigning(body: Form, business: string | undefined, t: Messages['t']) {
  const errors: NonNullable<SignFormState['errors']> = {};
  const parsed = signingSchema.safeParse({ name: single(body.name) ?? '', ...(business ? { title: single(body.title) ?? '' } : {}) });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[issue.path[0] === 'title' ? 'title' : 'name'] = issue.message;
  }
  if (business && single(body.authority) !== 'yes') errors.authority = t('engagement.sign.authority.missing', { business });
  if (single(body.agree) !== 'yes') errors.agree = t('engagement.sign.agree.missing');
  return parsed.success && Object.keys(errors).length === 0 ? { signing: { name: parsed.data.name, ...(parsed.data.title ? { title: parsed.data.title } : {}) } } : { errors };
}

export const engagementPagesRoutes: FastifyPluginAsync<EngagementPagesOptions> = async (
  app,
  { service, engagements, drafts, generateRouteConfig = {}, linkRouteConfig = {}, uploadLimitBytes = 1_048_576 },
) => {
  await app.register(csrfProtection, {
    sessionPlugin: '@fastify/cookie',
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, signed: true, secure: 'auto' },
    getToken: (request) => single((request.body as Form | undefined)?._csrf),
  });
  app.setErrorHandler((error, _request, reply) => {
    if (CSRF_ERRORS.has((error as { code?: string }).code ?? '')) {
      const { t } = pageMessages(reply);
      return html(reply, 403).view('error.eta', { title: t('error.csrf.title'), detail: t('error.csrf.detail'), status: 403 });
    }
    throw error;
  });
  const csrfCheck = app.csrfProtection;
  // Every form checked for its CSRF cookie before its body is read (src/web/csrf.ts).
  app.addHook('onRoute', (route) => withCsrfCookieFirst(route, csrfCheck));

  const gone = (reply: FastifyReply) => {
    const { t } = pageMessages(reply);
    return html(reply, 404).view('error.eta', { title: t('engagement.gone.title'), detail: t('engagement.gone.detail'), status: 404 });
  };

  function signForm(t: Messages['t'], engagement: Engagement, party: Party, action: string, state: SignFormState) {
    const business = businessOf(engagement, party);
    const values = state.values ?? {};
    const errors = state.errors ?? {};
    const text = (name: 'name' | 'title', label: string, autocomplete: string) => ({
      id: `sign-${name}`, name, label, value: single(values[name]) ?? '', error: errors[name], autocomplete,
    });
    return {
      action,
      consent: consentText(engagement, party),
      name: { ...text('name', t('engagement.sign.name.label'), 'name'), hint: t('engagement.sign.name.hint') },
      ...(business ? { title: text('title', t('engagement.sign.title.label'), 'organization-title') } : {}),
      ...(business ? { authority: { id: 'sign-authority', name: 'authority', label: t('engagement.sign.authority.label', { business }), checked: single(values.authority) === 'yes', error: errors.authority } } : {}),
      agree: { id: 'sign-agree', name: 'agree', label: t('engagement.sign.agree.label'), checked: single(values.agree) === 'yes', error: errors.agree, describedBy: 'consent-text' },
      submit: t('engagement.sign.submit'),
    };
  }

  const errorList = (errors: Record<string, string | undefined>, ids: Record<string, string>) =>
    Object.entries(errors).filter(([, message]) => message).map(([field, message]) => ({ href: `#${ids[field] ?? field}`, message: message! }));

  const SIGN_IDS = { name: 'sign-name', title: 'sign-title', authority: 'sign-authority', agree: 'sign-agree', message: 'changes-message' };

  async function clientPage(request: FastifyRequest, reply: FastifyReply, current: EngagementView, state: SignFormState & { message?: string; messageError?: string; notice?: string } = {}, status = 200) {
    const { engagement } = current;
    const { t } = useLanguage(request, reply, asLanguage(engagement.language));
    const key = engagement.clientKey;
    const replacedBy = current.status.replacedBy ? await engagements.get(current.status.replacedBy.byEngagement) : undefined;
    const canSign = !current.status.signatures.client && current.status.state !== 'replaced' && current.status.state !== 'completed';
    const freelancer = (engagement.answers.freelancer as { name?: string } | undefined)?.name ?? '';
    const errors = [...errorList(state.errors ?? {}, SIGN_IDS), ...(state.messageError ? [{ href: '#changes-message', message: state.messageError }] : [])];
    const heading = t('engagement.client.title');
    return html(reply, status).view('engagements/client.eta', {
      title: errors.length ? t('errors.pageTitle', { title: heading }) : heading,
      heading,
      errors,
      intro: t('engagement.client.intro', { freelancer, version: engagement.version }),
      notice: state.notice,
      replaced: current.status.replacedBy ? { version: current.status.replacedBy.byVersion, ...(replacedBy ? { href: `/sign/${replacedBy.clientKey}` } : {}) } : undefined,
      signedHref: current.sealed ? `/sign/${key}/signed.docx` : undefined,
      signedPdfHref: current.sealed ? `/sign/${key}/signed.pdf` : undefined,
      certificateHref: current.status.signatures.client ? `/sign/${key}/certificate` : undefined,
      contractHref: `/sign/${key}/contract.docx`,
      documentHash: engagement.documentHash,
      contractHtml: renderContractHtml(service.contractOf(engagement), { headingOffset: 2 }),
      form: canSign ? signForm(t, engagement, 'client', `/sign/${key}`, state) : undefined,
      changes: { action: `/sign/${key}/changes`, message: { id: 'changes-message', name: 'message', label: t('engagement.changes.label'), hint: t('engagement.changes.hint'), value: state.message ?? '', error: state.messageError, multiline: true } },
      csrf: reply.generateCsrf(),
    });
  }

  function ownerPage(request: FastifyRequest, reply: FastifyReply, current: EngagementView, state: SignFormState = {}, status = 200) {
    const { engagement, status: at } = current;
    const language = asLanguage(engagement.language);
    const { t } = useLanguage(request, reply, language);
    const words = certificateWords(language);
    const timeZone = recordTimeZone(engagement, current.events);
    const heading = t('engagement.owner.title');
    const errors = errorList(state.errors ?? {}, SIGN_IDS);
    return html(reply, status).view('engagements/owner.eta', {
      title: errors.length ? t('errors.pageTitle', { title: heading }) : heading,
      heading,
      errors,
      status: t(`engagement.state.${at.state}`),
      version: engagement.version,
      views: at.views,
      lastView: at.lastViewAt ? eventTime(at.lastViewAt, timeZone).replace('\n', ' / ') : t('engagement.status.never'),
      signatures: (['freelancer', 'client'] as const).map((party) => {
        const signature = at.signatures[party];
        return { party: words.party[party], text: signature ? words.signedAs(signature.name, signature.title, eventTime(signature.at, timeZone).replace('\n', ' / ')) : words.notSigned };
      }),
      changesAsked: at.changesAsked.map((change) => ({ at: eventTime(change.at, timeZone).replace('\n', ' / '), message: change.message })),
      replaced: at.replacedBy ? { version: at.replacedBy.byVersion } : undefined,
      draftHref: engagement.draftId ? draftUrl(engagement.draftId, 'review') : '/',
      clientLink: linksOf(request, engagement).client,
      form: at.signatures.freelancer || at.state === 'replaced' || at.state === 'completed' ? undefined : signForm(t, engagement, 'freelancer', `/engagements/${engagement.ownerKey}/sign`, state),
      contractHref: `/engagements/${engagement.ownerKey}/contract.docx`,
      signedHref: current.sealed ? `/engagements/${engagement.ownerKey}/signed.docx` : undefined,
      signedPdfHref: current.sealed ? `/engagements/${engagement.ownerKey}/signed.pdf` : undefined,
      certificateHref: `/engagements/${engagement.ownerKey}/certificate.json`,
      certificatePageHref: `/engagements/${engagement.ownerKey}/certificate`,
      documentHash: engagement.documentHash,
      timeZone,
      record: current.events.map((event) => ({ time: eventTime(event.at, timeZone), text: words.event(event) })),
      csrf: reply.generateCsrf(),
      // The copy button beside the client's link; the page needs no script otherwise.
      scripts: SCRIPTS,
    });
  }

  const byClient = (key: string) => engagements.byClientKey(key);
  const byOwner = (key: string) => engagements.byOwnerKey(key);
  const stemOf = (engagement: Engagement, suffix: string) => `${service.contractOf(engagement).meta.fileStem}${suffix}`;

  // ---- Send for signature, from Check your answers
  app.post<{ Params: { draftId: string } }>('/wizard/:draftId/send', { schema: { hide: true }, ...generateRouteConfig, preValidation: csrfCheck }, async (request, reply) => {
    const draft = await drafts.get(request.params.draftId);
    if (!draft) return gone(reply);
    // The answers alone: a draft also keeps its invoices and letters made, which are not the contract's.
    const answers = completeAnswers(draft.answers);
    if (!answers) return reply.redirect(draftUrl(draft.id, 'review'), 303);
    const body = request.body as Form;
    const { t } = useLanguage(request, reply, answers.language);
    const business = answers.freelancer.business || undefined;
    const read = readSigning({ ...body, agree: 'yes', ...(business ? { authority: 'yes' } : {}) }, business, t);
    if (!read.signing) {
      const message = read.errors?.name ?? read.errors?.title ?? t('engagement.sign.name.label');
      throw new HttpProblem(400, t('engagement.send.invalid'), message, undefined, 'invalid-signature');
    }
    // The form offers only known zones; anything else was typed into the request by hand, and is refused naming the field.
    const chosenZone = single(body.timeZone);
    const timeZone = chosenZone ? timeZoneNamed(chosenZone) : undefined;
    if (chosenZone && !timeZone) throw new HttpProblem(400, t('engagement.send.invalid'), `${t('review.send.timeZone.label')}: ${t('engagement.timeZone.unknown')}`, [{ path: 'timeZone', message: t('engagement.timeZone.unknown') }], 'invalid-time-zone');
    const engagement = await service.send({ answers, draftId: draft.id, freelancer: read.signing, visitor: visitorOf(request), ...(timeZone ? { timeZone } : {}) });
    return reply.redirect(`/engagements/${engagement.ownerKey}`, 303);
  });

  // ---- The client's page
  app.get<{ Params: KeyParams }>('/sign/:key', { schema: { hide: true }, ...linkRouteConfig }, async (request, reply) => {
    const engagement = await byClient(request.params.key);
    if (!engagement) return gone(reply);
    const current = await service.opened(engagement, visitorOf(request));
    const notice = (request.query as { done?: string }).done;
    const { t } = useLanguage(request, reply, asLanguage(engagement.language));
    return clientPage(request, reply, current, notice === 'signed' ? { notice: t('engagement.notice.signed') } : notice === 'changes' ? { notice: t('engagement.notice.changes') } : {});
  });

  app.post<{ Params: KeyParams }>('/sign/:key', { schema: { hide: true }, ...linkRouteConfig, preValidation: csrfCheck }, async (request, reply) => {
    const engagement = await byClient(request.params.key);
    if (!engagement) return gone(reply);
    const body = request.body as Form;
    const { t } = useLanguage(request, reply, asLanguage(engagement.language));
    const read = readSigning(body, businessOf(engagement, 'client'), t);
    if (!read.signing) return clientPage(request, reply, await service.view(engagement), { values: body, errors: read.errors }, 400);
    const { refused, view } = await service.sign(engagement, 'client', read.signing, visitorOf(request));
    if (refused) return clientPage(request, reply, view, { notice: refused }, 409);
    return reply.redirect(`/sign/${engagement.clientKey}?done=signed`, 303);
  });

  app.post<{ Params: KeyParams }>('/sign/:key/changes', { schema: { hide: true }, ...linkRouteConfig, preValidation: csrfCheck }, async (request, reply) => {
    const engagement = await byClient(request.params.key);
    if (!engagement) return gone(reply);
    const { t } = useLanguage(request, reply, asLanguage(engagement.language));
    const message = cleanMultiline(single((request.body as Form).message) ?? '');
    const messageError = message === '' ? t('engagement.changes.missing') : message.length > SIGNATURE_LIMITS.message ? t('engagement.changes.tooLong', { max: SIGNATURE_LIMITS.message }) : undefined;
    if (messageError) return clientPage(request, reply, await service.view(engagement), { message, messageError }, 400);
    const { refused } = await service.askChanges(engagement, message, visitorOf(request));
    if (refused) return clientPage(request, reply, await service.view(engagement), { notice: refused }, 409);
    return reply.redirect(`/sign/${engagement.clientKey}?done=changes`, 303);
  });

  // ---- Downloads: the exact file sent, and the signed file both parties get
  async function download(reply: FastifyReply, request: FastifyRequest, engagement: Engagement | undefined, party: Party, file: 'contract' | 'signed') {
    if (!engagement) return gone(reply);
    let body: Uint8Array = engagement.document;
    if (file === 'signed') {
      const sealed = (await service.view(engagement)).sealed;
      if (!sealed) return gone(reply);
      body = sealed.signedFile;
    }
    await service.downloaded(engagement, party, file, visitorOf(request));
    return sendDownload(reply, { type: DOCX_TYPE, fileStem: stemOf(engagement, file === 'signed' ? '-signed' : ''), extension: 'docx', body: Buffer.from(body) });
  }
  // The signed contract as PDF: a copy to read and print, drawn from the same tree as the signed Word file.
  async function downloadPdf(reply: FastifyReply, request: FastifyRequest, engagement: Engagement | undefined, party: Party) {
    if (!engagement) return gone(reply);
    const pdf = await service.signedPdf(await service.view(engagement));
    if (!pdf) return gone(reply);
    await service.downloaded(engagement, party, 'signed-pdf', visitorOf(request));
    return sendDownload(reply, { type: PDF_TYPE, fileStem: stemOf(engagement, '-signed'), extension: 'pdf', body: pdf });
  }
  app.get<{ Params: KeyParams }>('/sign/:key/contract.docx', { schema: { hide: true }, ...generateRouteConfig }, async (request, reply) => download(reply, request, await byClient(request.params.key), 'client', 'contract'));
  app.get<{ Params: KeyParams }>('/sign/:key/signed.docx', { schema: { hide: true }, ...generateRouteConfig }, async (request, reply) => download(reply, request, await byClient(request.params.key), 'client', 'signed'));
  app.get<{ Params: KeyParams }>('/engagements/:key/contract.docx', { schema: { hide: true }, ...generateRouteConfig }, async (request, reply) => download(reply, request, await byOwner(request.params.key), 'freelancer', 'contract'));
  app.get<{ Params: KeyParams }>('/sign/:key/signed.pdf', { schema: { hide: true }, ...generateRouteConfig }, async (request, reply) => downloadPdf(reply, request, await byClient(request.params.key), 'client'));
  app.get<{ Params: KeyParams }>('/engagements/:key/signed.pdf', { schema: { hide: true }, ...generateRouteConfig }, async (request, reply) => downloadPdf(reply, request, await byOwner(request.params.key), 'freelancer'));
  app.get<{ Params: KeyParams }>('/engagements/:key/signed.docx', { schema: { hide: true }, ...generateRouteConfig }, async (request, reply) => download(reply, request, await byOwner(request.params.key), 'freelancer', 'signed'));

  // ---- The freelancer's page
  app.get<{ Params: KeyParams }>('/engagements/:key', { schema: { hide: true }, ...linkRouteConfig }, async (request, reply) => {
    const engagement = await byOwner(request.params.key);
    if (!engagement) return gone(reply);
    return ownerPage(request, reply, await service.view(engagement));
  });

  app.post<{ Params: KeyParams }>('/engagements/:key/sign', { schema: { hide: true }, ...linkRouteConfig, preValidation: csrfCheck }, async (request, reply) => {
    const engagement = await byOwner(request.params.key);
    if (!engagement) return gone(reply);
    const body = request.body as Form;
    const { t } = useLanguage(request, reply, asLanguage(engagement.language));
    const read = readSigning(body, businessOf(engagement, 'freelancer'), t);
    if (!read.signing) return ownerPage(request, reply, await service.view(engagement), { values: body, errors: read.errors }, 400);
    await service.sign(engagement, 'freelancer', read.signing, visitorOf(request));
    return reply.redirect(`/engagements/${engagement.ownerKey}`, 303);
  });

  // ---- The signature certificate as a page: the same model (certificateOf) as the JSON and the signed file's last section
  function certificatePage(request: FastifyRequest, reply: FastifyReply, current: EngagementView, backHref: string, jsonHref?: string) {
    const { engagement } = current;
    useLanguage(request, reply, asLanguage(engagement.language));
    const certificate = service.certificate(current);
    const words = certificateWords(engagement.language);
    const when = (at: string) => eventTime(at, certificate.timeZone).replace('\n', ' / ');
    return html(reply).view('engagements/certificate.eta', {
      title: words.title,
      heading: words.title,
      backHref,
      contractLanguage: engagement.language,
      words,
      intro: words.intro(certificate.engagementId, certificate.version),
      documentHash: certificate.documentHash,
      replaces: certificate.replaces,
      timeZone: timeZoneLine(certificate, words),
      parties: certificate.parties.map((party) => ({
        label: [`${words.party[party.party]}: ${party.name}`, party.business, party.email].filter(Boolean).join('\n'),
        value: party.signedAs ? words.signedAs(party.signedAs.name, party.signedAs.title, when(party.signedAs.at)) : words.notSigned,
      })),
      eventsHeader: words.eventsHeader(certificate.timeZone),
      events: certificate.events.map((event) => ({ time: `${event.seq}. ${eventTime(event.at, certificate.timeZone)}`, text: words.event(event) })),
      seal: certificate.seal ? words.seal(certificate.seal.keyId, certificate.seal.sealedAt, certificate.seal.signature) : words.unsealed,
      jsonHref,
    });
  }

  app.get<{ Params: KeyParams }>('/engagements/:key/certificate', { schema: { hide: true }, ...linkRouteConfig }, async (request, reply) => {
    const engagement = await byOwner(request.params.key);
    if (!engagement) return gone(reply);
    return certificatePage(request, reply, await service.view(engagement), `/engagements/${engagement.ownerKey}`, `/engagements/${engagement.ownerKey}/certificate.json`);
  });

  // The client's copy, once they have signed: the record of what they did is theirs to read too.
  app.get<{ Params: KeyParams }>('/sign/:key/certificate', { schema: { hide: true }, ...linkRouteConfig }, async (request, reply) => {
    const engagement = await byClient(request.params.key);
    if (!engagement) return gone(reply);
    const current = await service.view(engagement);
    if (!current.status.signatures.client) return reply.redirect(`/sign/${engagement.clientKey}`, 303);
    return certificatePage(request, reply, current, `/sign/${engagement.clientKey}`);
  });

  app.get<{ Params: KeyParams }>('/engagements/:key/certificate.json', { schema: { hide: true }, ...linkRouteConfig }, async (request, reply) => {
    const engagement = await byOwner(request.params.key);
    if (!engagement) return gone(reply);
    return reply.header('cache-control', 'no-store').type('application/json; charset=utf-8').send(service.certificate(await service.view(engagement)));
  });

  // ---- Verification
  function verifyPage(reply: FastifyReply, state: { verdict?: { valid: boolean; problems: readonly string[]; engagement?: string; events: number }; fileError?: string } = {}, status = 200) {
    const { t } = pageMessages(reply);
    const heading = t('verify.title');
    return html(reply, status).view('engagements/verify.eta', {
      title: heading,
      heading,
      errors: state.fileError ? [{ href: '#file', message: state.fileError }] : [],
      ...state,
      csrf: reply.generateCsrf(),
    });
  }

  app.get('/verify', { schema: { hide: true } }, async (_request, reply) => verifyPage(reply));

  // The token comes before the file, so a forged upload is refused unread (as the wizard's import).
  async function readVerifyUpload(request: FastifyRequest) {
    let token: string | undefined;
    let file: Buffer | undefined;
    try {
      for await (const part of request.parts() as AsyncIterable<Multipart>) {
        if (part.type === 'file') {
          if (token !== undefined && !file) file = await part.toBuffer();
          else part.file.resume();
        } else if (part.fieldname === '_csrf' && token === undefined) {
          token = String(part.value);
        }
      }
    } catch (error) {
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw HttpProblem.of(413, 'too-large');
      file = undefined;
    }
    request.body = { _csrf: token, file };
  }

  app.post('/verify', { schema: { hide: true }, ...generateRouteConfig, bodyLimit: uploadLimitBytes + 64 * 1024, preValidation: [readVerifyUpload, csrfCheck] }, async (request, reply) => {
    const { file } = request.body as { file?: Buffer };
    const { t } = pageMessages(reply);
    if (!file || file.length === 0) return verifyPage(reply, { fileError: t('verify.file.missing') }, 400);
    const verdict = await service.verify(new Uint8Array(file), pageMessages(reply).language);
    return verifyPage(reply, { verdict: { valid: verdict.valid, problems: verdict.problems, ...(verdict.engagementId ? { engagement: verdict.engagementId } : {}), events: verdict.certificate?.events.length ?? 0 } }, verdict.valid ? 200 : 422);
  });
};
