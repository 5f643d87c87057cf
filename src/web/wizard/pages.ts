// What every wizard page shares: HTML replies that no cache keeps, the page
// for a draft that is gone, and the shapes of a draft page's route. Used by
// routes.ts, follow-up.ts and invoices.ts.
import type { FastifyReply } from 'fastify';
import type { DraftStore } from '../../drafts/store.ts';
import { pageMessages } from '../plugins/language.ts';

export const SCRIPTS = ['/assets/wizard.js'];

/** `/wizard/:draftId/...` */
export interface DraftParams {
  draftId: string;
}
/** `/wizard/:draftId/<page>/:kind`: a letter or an invoice of the draft. */
export interface KindParams extends DraftParams {
  kind: string;
}

/** What a page plugin of a draft is given beside its own options. */
export interface DraftPageOptions {
  readonly store: DraftStore;
  /** Route options for the downloads (the rate limit). */
  readonly generateRouteConfig?: Record<string, unknown>;
  /** The clock behind the date offered ("usually today"). */
  readonly now?: () => Date;
}

/**
 * The body of a letter's or an invoice's form: a dozen inputs kept to 2,000
 * characters each, percent-encoded at their widest, fit well inside it. Only
 * "Continue from a file" takes the site's BODY_LIMIT_BYTES (issue 24, finding 4).
 */
export const PAGE_FORM_BYTES = 256 * 1024;

export const draftUrl = (id: string, step = '') => `/wizard/${id}${step ? `/${step}` : ''}`;

export function html(reply: FastifyReply, status = 200): FastifyReply {
  // Pages hold names, addresses and fees: never kept by a shared cache or a
  // browser's disk cache; back and forward fetch them again from the draft.
  return reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8');
}

export function gone(reply: FastifyReply) {
  const { t } = pageMessages(reply);
  return html(reply, 404).view('error.eta', { title: t('error.gone.title'), detail: t('error.gone.detail'), status: 404 });
}
