// The follow-up calendar of a Japanese contract: every event's title and
// description in Japanese, on the same dates as the English schedule.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { answersSchema } from '../../src/answers/schema.ts';
import { scheduleCalendarFile } from '../../src/schedule/ics.ts';
import { followUpSchedule, STAGES } from '../../src/schedule/rules.ts';
import { sampleInput } from '../helpers/samples.ts';

const tokyo = answersSchema.parse(sampleInput('ja/tokyo-fixed'));
const events = (ics: string) => new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));

describe.each(STAGES)('the %s calendar of the Tokyo contract', (stage) => {
  const since = '2027-07-01';
  const { ics } = scheduleCalendarFile({ answers: tokyo, stage, since });
  const actions = followUpSchedule(stage, since, { unresponsiveDays: tokyo.killFee.unresponsiveDays });

  it('has the English schedule\'s dates, every title and description in Japanese', () => {
    expect.hasAssertions();
    const parsed = events(ics);
    expect(parsed.map((event) => event.startDate.toString())).toEqual(actions.map((action) => action.date));
    for (const event of parsed) {
      expect(event.summary).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(event.summary).toContain('コーポレートサイトのリニューアル');
      // No English sentence is left, and no API path: calendar words a freelancer reads (issue 23).
      expect(event.description).not.toMatch(/\/api\/|POST /);
      expect(event.description.replace(/https?:\S+|Word/g, '')).not.toMatch(/[A-Za-z]{4,}/);
    }
    expect(ics).toContain('X-WR-CALNAME:フォローアップ：コーポレートサイトのリニューアル');
  });
});

describe('the payment steps in Japanese', () => {
  const { ics } = scheduleCalendarFile({ answers: tokyo, stage: 'payment-due', since: '2027-07-31' });
  const byTitle = (text: string) => events(ics).find((event) => event.summary.startsWith(text))!;

  it('names the letters by their Japanese titles', () => {
    expect(byTitle('請求書が未払い').description).toContain('送る書面：お支払いのお願い');
    expect(byTitle('支払期日から30日').description).toContain('送る書面：督促状');
  });

  it('says where to make the letter in words, with no site address given', () => {
    expect(byTitle('請求書が未払い').description).toContain('契約の「クライアントの連絡が途絶えたとき」のページで作成できます。再開用のリンクを開くか、トップページで回答ファイル又はWordの契約書をアップロードしてください。');
  });

  it('sends the final demand by certified-content mail, and names small claims only up to ¥600,000', () => {
    const finalNotice = byTitle('最終催告書').description;
    expect(finalNotice).toContain('内容証明郵便（配達証明付き）');
    expect(finalNotice).toContain('60万円以下なら簡易裁判所の少額訴訟、60万円を超えるなら委託者の住所地（会社は本店所在地）の簡易裁判所への支払督促');
    // 民事訴訟法第382条・第383条: the debtor's court, and never abroad; 内容証明 takes nothing else in the envelope.
    expect(finalNotice).toContain('支払督促は海外の委託者には使えません。');
    expect(finalNotice).toContain('最終催告書には何も同封できず、期限は到達の日から数えます。');
    expect(finalNotice).toContain('民法第150条');
  });
});
