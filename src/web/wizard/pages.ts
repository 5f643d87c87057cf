// What every wizard page shares: HTML replies that no cache keeps, and the
// page for a draft that is gone. Used by routes.ts and follow-up.ts.
import type { FastifyReply } from 'fastify';
import { pageMessages } from '../plugins/language.ts';

export const SCRIPTS = ['/assets/wizard.js'];

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
