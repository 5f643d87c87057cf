// The follow-up calendar's words in each language. The dates and the letter
// each action names come from rules.ts; here is only how an action reads.
// English is rules.ts's own wording; the other languages give each action id
// its title and what to do, with the same figures (dates, days of silence).
import type { Language } from '../answers/schema.ts';
import { addDays } from '../answers/dates.ts';
import { formatsFor } from '../language/format.ts';
import { DEADLINE_DAYS, type LetterKind } from '../letters/request.ts';
import type { FollowUpAction, PaymentTerms, Stage } from './rules.ts';

export interface ScheduleFacts extends PaymentTerms {
  readonly since: string;
  readonly unresponsiveDays: number;
}

export interface CalendarWords {
  /** The action as this language writes it. */
  action(action: FollowUpAction, facts: ScheduleFacts): { readonly title: string; readonly todo: string };
  /** The name a letter goes by in this language, or undefined to use the library's title. */
  letterTitle?(kind: LetterKind): string;
  /** "Letter to send: {title}. Make it …" */
  letterLine(title: string, where: { readonly pageUrl?: string }): string;
  calendarName(projectName: string): string;
  /** "Pause work (Website)"; "作業を一時停止する（ウェブサイト）": full-width brackets in Japanese. */
  withProject(text: string, projectName: string): string;
  /** The calendar file's name, before .ics: "Website follow-up negotiating"; "ウェブサイト フォローアップ 交渉中". */
  fileName(projectName: string, stage: Stage): string;
}

const JA_STAGES: Readonly<Record<Stage, string>> = { negotiating: '交渉中', 'in-progress': '作業中', 'payment-due': '支払待ち' };

const ja = formatsFor('ja');

const JA_LETTERS: Readonly<Record<LetterKind, string>> = {
  'final-check-in': '最後のご連絡',
  'work-paused': '作業一時停止のお知らせ',
  'payment-reminder': 'お支払いのお願い',
  'late-notice': '督促状',
  'final-notice': '最終催告書',
};

type JaText = (action: FollowUpAction, facts: ScheduleFacts) => { title: string; todo: string };

const lateNotice = (days: 30 | 60 | 90): JaText => (_action, facts) => ({
  title: days === 30 && facts.hasLateFee ? '支払期日から30日：督促状（遅延損害金を加えて）' : `支払期日から${days}日：督促状`,
  todo:
    (days === 30 && facts.hasLateFee ? '遅延損害金を加えた額で請求書を再送します。' : '') +
    `支払期日から${days}日が経過しました。期限を示して丁寧かつ毅然と支払を求め、支払がなければ法的措置を取る考えであることを伝える督促状を送ります。請求書の写しを同封してください。` +
    (days === 90 ? '期限までに支払がなければ、最終催告書を送ります。' : ''),
});

const JA_ACTIONS: Readonly<Record<string, JaText>> = {
  'first-follow-up': (action) => ({
    title: '返信のないメッセージへのフォローアップ',
    todo: `短く丁寧なフォローアップのメールを送ります。返信のないメッセージから4〜7日後（${ja.date(action.date)}から${ja.date(addDays(action.date, 3))}まで）が目安です。それより早いと催促がましく感じられます。`,
  }),
  'last-follow-up': () => ({
    title: '最後のご連絡を送り、次へ進む',
    todo: '最初のフォローアップから1週間後に、2回目で最後のご連絡を送ります。問い合わせへのお礼を述べ、これが最後の連絡であること、準備ができたらいつでも連絡してほしいことを伝え、次の仕事へ進みます。返信がいつも遅い委託者は要注意です。',
  }),
  'tuesday-follow-up': () => ({
    title: '返信待ちのメールへのフォローアップ',
    todo: '元のメールを送った翌週の火曜日に、最初のフォローアップを送ります。委託者にはその週の残りと月曜日の時間があったことになります。',
  }),
  investigate: () => ({
    title: '1週間返信がなければ確認する',
    todo: '送信先のアドレスが、委託者から最後に届いたメールのアドレスと同じか確認します。電話をかけ、メッセージが届いているか確かめます（必要な回答を得るためで、苦情を言うためではありません）。オンラインで活動の様子を確認し、公開の場では中立で礼儀正しく振る舞います。',
  }),
  'pause-work': (_action, facts) => ({
    title: 'まだ返信がなければ作業を一時停止する',
    todo: `手を尽くしても返信がなければ、連絡があるまで作業を止め、その旨を委託者にメールで伝えます。契約では、書面で回答を求めた日の翌日から${facts.unresponsiveDays}日返信がなく、その間に1回以上電話を試みたときに一時停止できます。電話した日を通知に書いてください。それまでの作業は請求でき、一時停止にキャンセル料はかかりません。`,
  }),
  'payment-follow-up': () => ({
    title: '請求書が未払い？メールと電話で確認する',
    todo: 'メールと電話でフォローアップし、成果物が届いていることを確認して、請求書について話し合います。',
  }),
  'resend-invoice': (_action, facts) => ({
    title: '請求書を再送する',
    todo:
      '動きがなければ、メール、郵便など使えるすべての手段で請求書を再送し、電話で届いたことを確認します。' +
      (facts.hasLateFee ? '遅延損害金は契約に従い、支払期日の翌日から日割で生じます。' : ''),
  }),
  'late-notice-30': lateNotice(30),
  'late-notice-60': lateNotice(60),
  'late-notice-90': lateNotice(90),
  'final-notice': (_action, facts) => ({
    title: '最終催告書',
    todo:
      `90日の督促状の期限が過ぎました。最終催告書を内容証明郵便（配達証明付き）で送ります。${DEADLINE_DAYS.min}日から${DEADLINE_DAYS.max}日の最後の期限を示します。催告により時効の完成は6か月猶予されます（民法第150条）。` +
      // A 支払督促 goes to the summary court of the client's address (民事訴訟法第383条), not the agreed court, and not abroad (第382条).
      (facts.smallClaims
        ? '支払がなければ、未払額が60万円以下なら簡易裁判所の少額訴訟、60万円を超えるなら委託者の住所地（会社は本店所在地）の簡易裁判所への支払督促又は通常の訴訟へ進みます。'
        : '支払がなければ、委託者の住所地（会社は本店所在地）の簡易裁判所への支払督促、又は契約の定める裁判所への訴訟へ進みます。') +
      '支払督促は海外の委託者には使えません。最終催告書には何も同封できず、期限は到達の日から数えます。',
  }),
};

export const CALENDAR_WORDS: Readonly<Record<Language, CalendarWords>> = {
  en: {
    action: (action) => ({ title: action.title, todo: action.todo }),
    letterLine: (title, { pageUrl }) =>
      pageUrl
        ? `Letter to send: ${title}. Make it on the "When the client goes quiet" page of your contract: open your resume link, or upload your answers file or Word contract at ${pageUrl}`
        : // Words a freelancer reads: the page that makes the letter, never an API path (issue 23).
          `Letter to send: ${title}. Make it on the "When the client goes quiet" page of your contract: open your resume link, or upload your answers file or Word contract on the home page.`,
    calendarName: (projectName) => `Follow-up: ${projectName}`,
    withProject: (text, projectName) => `${text} (${projectName})`,
    fileName: (projectName, stage) => `${projectName} follow-up ${stage}`,
  },
  ja: {
    action: (action, facts) => {
      const words = JA_ACTIONS[action.id];
      if (!words) throw new Error(`schedule: no Japanese wording for the action "${action.id}"`);
      return words(action, facts);
    },
    letterTitle: (kind) => JA_LETTERS[kind],
    // As in English: the page that makes the letter, never an API path (issue 23).
    letterLine: (title, { pageUrl }) =>
      `送る書面：${title}。契約の「クライアントの連絡が途絶えたとき」のページで作成できます。再開用のリンクを開くか、${pageUrl ? `${pageUrl} で` : 'トップページで'}回答ファイル又はWordの契約書をアップロードしてください。`,
    calendarName: (projectName) => `フォローアップ：${projectName}`,
    withProject: (text, projectName) => `${text}（${projectName}）`,
    fileName: (projectName, stage) => `${projectName} フォローアップ ${JA_STAGES[stage]}`,
  },
};
