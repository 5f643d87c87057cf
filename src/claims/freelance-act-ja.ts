// Japan's Freelance Act (特定受託事業者に係る取引の適正化等に関する法律, 令和5年法律第25号,
// in force 1 November 2024) as the Japanese final demand and claim pack use it: the 60-day
// payment rule (第4条) and where a freelancer reports a client who breaks it (第6条: 公正取引委員会
// or 中小企業庁長官; 厚生労働省 for the workplace chapter) or asks for free mediation
// (フリーランス・トラブル110番, run for 厚生労働省 by 第二東京弁護士会). Pure.
import type { Answers } from '../answers/schema.ts';
import { clientKindOf } from './place.ts';

export const FREELANCE_ACT = {
  title: '特定受託事業者に係る取引の適正化等に関する法律',
  inForceFrom: '2024-11-01',
  /** 第4条第1項: the pay date is set within 60 days of receiving the work, counted from that day; 第4条第2項: a later one is read as the 60th day. */
  paymentDays: 60,
  source: 'https://laws.e-gov.go.jp/law/505AC0000000025 (第2条、第4条、第6条); 公正取引委員会「フリーランス法特設サイト」 https://www.jftc.go.jp/freelancelaw_2024/',
  /** 第6条第1項 (申出先) and the ministries that share the Act (公正取引委員会・中小企業庁: 取引; 厚生労働省: 就業環境). */
  complaintRoutes: [
    { name: '公正取引委員会', what: '報酬の支払遅延・減額など取引条件の違反の申出（第6条）' },
    { name: '中小企業庁', what: '同じく取引条件の違反の申出（第6条）' },
    { name: '厚生労働省（都道府県労働局）', what: 'ハラスメント・育児介護との両立など就業環境に関する違反の申出（第17条）' },
  ],
  hotline: {
    name: 'フリーランス・トラブル110番',
    phone: '0120-532-110',
    url: 'https://freelance110.mhlw.go.jp/',
    what: '弁護士による無料相談と和解あっせん（厚生労働省委託、第二東京弁護士会運営）',
  },
} as const;

/**
 * Whether the Act's payment rule reaches the engagement as far as the answers tell: a contract made from
 * 1 November 2024, a freelancer working alone (特定受託事業者, 第2条第1項: no employees), and a business
 * client (業務委託事業者). The Act's 第4条 binds a client that itself has employees or officers
 * (特定業務委託事業者, 第2条第6項), which the answers do not ask; the letter therefore says it so.
 */
export function freelanceActReaches(answers: Pick<Answers, 'effectiveDate' | 'freelancer' | 'client'>): boolean {
  return answers.effectiveDate >= FREELANCE_ACT.inForceFrom && !answers.freelancer.hasEmployees && clientKindOf(answers) === 'business' && Boolean(answers.client.business);
}
