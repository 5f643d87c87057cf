// Japan's Freelance Act (特定受託事業者に係る取引の適正化等に関する法律, 令和5年法律第25号)
// as the Japanese final demand and claim pack use it: the 60-day payment rule (第4条) and
// where a freelancer reports a client who breaks it or asks for free mediation. The facts
// live in jurisdictions/statutes/jp-freelance-act.yaml, each with its source and the day
// it was checked; this file only reads them and words them. Pure.
import type { Answers } from '../answers/schema.ts';
import { freelanceTransactionsStatuteFor, statuteBook, type FreelanceTransactionsStatute, type StatuteBook } from '../jurisdictions/statutes.ts';
import { clientKindOf } from './place.ts';

/** The Act as the statute file gives it; the server does not start without the file (jurisdictions/statutes.ts). */
export function freelanceActJa(book: StatuteBook = statuteBook()): FreelanceTransactionsStatute {
  const act = freelanceTransactionsStatuteFor('jp', book);
  if (!act) throw new Error('jurisdictions/statutes/ has no freelance-transactions statute for jp (jp-freelance-act.yaml)');
  return act;
}

/**
 * The hotline's number as a document may print it: plainly once a person has read it on the
 * official page (`confirmed: true` in the data), otherwise marked unconfirmed with where to check.
 */
export function hotlinePhoneText(act: FreelanceTransactionsStatute = freelanceActJa()): string {
  const { phone, url } = act.hotline;
  return phone.confirmed ? phone.value : `${phone.value}（未確認の番号です。${url} でご確認ください）`;
}

/** The hotline and the complaint routes, one line each, for the claim pack and the page. */
export function freelanceHelpLines(act: FreelanceTransactionsStatute = freelanceActJa()): string[] {
  const { hotline } = act;
  return [
    `${hotline.name}：${hotline.what}。電話 ${hotlinePhoneText(act)}　${hotline.url}`,
    ...act.complaintRoutes.map((route) => `${route.name}：${route.what}${route.url ? ` ${route.url}` : ''}`),
  ];
}

/**
 * Whether the Act's payment rule reaches the engagement as far as the answers tell: a contract made from
 * the day it came into force, a freelancer working alone (特定受託事業者, 第2条第1項: no employees), and a
 * business client (業務委託事業者). The Act's 第4条 binds a client that itself has employees or officers
 * (特定業務委託事業者, 第2条第6項), which the answers do not ask; the letter therefore says it so.
 */
export function freelanceActReaches(answers: Pick<Answers, 'effectiveDate' | 'freelancer' | 'client'>, act: FreelanceTransactionsStatute = freelanceActJa()): boolean {
  const solo = !act.soloFreelancerOnly.value || !answers.freelancer.hasEmployees;
  const business = !act.businessClientsOnly.value || (clientKindOf(answers) === 'business' && Boolean(answers.client.business));
  return answers.effectiveDate >= act.inForceFrom.value && solo && business;
}
