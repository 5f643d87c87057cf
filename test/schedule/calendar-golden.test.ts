// Every event of every follow-up calendar, word for word, in both languages
// and for each kind of contract (with and without a late fee, with and
// without small claims): what the freelancer reads in their calendar app.
// The files are the .ics as served, its long lines unfolded and less the
// DTSTAMP lines (the time the file was made). UPDATE_GOLDEN=<file name> npm test rewrites one after a deliberate
// wording change (refused when CI is set); read the diff before committing.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { answersSchema } from '../../src/answers/schema.ts';
import { followUpCalendar } from '../../src/schedule/ics.ts';
// What the routes call: the ics package imported on the first calendar.
import { scheduleCalendarFile } from '../../src/schedule/ics-on-demand.ts';
import { followUpSchedule, STAGES, type Stage } from '../../src/schedule/rules.ts';
import { expectGolden } from '../helpers/golden.ts';
import { sampleInput } from '../helpers/samples.ts';

const SAMPLES = fileURLToPath(new URL('./samples/', import.meta.url));
const withoutStamp = (ics: string) => ics.replace(/\r\n[ \t]/g, '').replace(/^DTSTAMP:.*\r\n/gm, '').replace(/\r\n/g, '\n');

type Loose = any;
function answers(name: string, change: (answers: Loose) => void = () => {}) {
  const input = sampleInput(name);
  change(input);
  return answersSchema.parse(input);
}
const noLateFeeNoSmallClaims = (input: Loose) => {
  input.fee.lateFeePercentPerMonth = 0;
  input.jurisdiction.smallClaims = false;
};

describe('the calendar as the API makes it from the answers', () => {
  // The late fee and small claims change only the payment steps.
  const cases: [string, ReturnType<typeof answers>, string, readonly Stage[]][] = [
    ['en', answers('new-client-fixed'), '2027-03-03', STAGES],
    ['en-no-late-fee-no-small-claims', answers('new-client-fixed', noLateFeeNoSmallClaims), '2027-03-03', ['payment-due']],
    ['ja', answers('ja/tokyo-fixed'), '2027-07-01', STAGES],
    ['ja-no-late-fee-no-small-claims', answers('ja/tokyo-fixed', noLateFeeNoSmallClaims), '2027-07-01', ['payment-due']],
  ];
  for (const [name, contract, since, stages] of cases) {
    it.each(stages)(`${name}: %s`, async (stage) => {
      const { ics, fileStem } = await scheduleCalendarFile({ answers: contract, stage, since });
      // Named in the calendar's language: "… follow-up negotiating", "… フォローアップ 交渉中".
      expect(fileStem).toContain(contract.language === 'ja' ? { negotiating: '交渉中', 'in-progress': '作業中', 'payment-due': '支払待ち' }[stage] : stage);
      expectGolden(`${SAMPLES}${name}-${stage}.sample.ics.txt`, withoutStamp(ics));
    });
  }

  it.each(['new-client-fixed', 'ja/tokyo-fixed'])('%s: points at the follow-up page and names each letter, when the site gives them', async (sample) => {
    const { ics } = await scheduleCalendarFile(
      { answers: answers(sample), stage: 'in-progress', since: '2027-03-03' },
      { pageUrl: 'https://contracts.example/', letterTitle: (kind) => `Title of ${kind}` },
    );
    expectGolden(`${SAMPLES}${sample.replace('/', '-')}-in-progress-page.sample.ics.txt`, withoutStamp(ics));
  });
});

describe('the calendar from the schedule alone', () => {
  const context = (stage: Stage, clientEmail = 'priya@harborcoffee.example') => ({
    stage,
    since: '2027-03-12',
    projectName: 'Harbor Coffee website redesign',
    clientName: 'Harbor Coffee Co.',
    clientEmail,
  });

  it('payment due with the default terms: a late fee and small claims', () => {
    const ics = followUpCalendar(followUpSchedule('payment-due', '2027-03-12', { unresponsiveDays: 14 }), context('payment-due'));
    expectGolden(`${SAMPLES}schedule-payment-due.sample.ics.txt`, withoutStamp(ics));
  });

  it('salts each event id with the client, so two clients of one project never share an event', () => {
    const actions = followUpSchedule('negotiating', '2027-03-12', { unresponsiveDays: 14 });
    const uids = (email: string) => [...followUpCalendar(actions, context('negotiating', email)).matchAll(/^UID:(.*)$/gm)].map((match) => match[1]);
    expect(uids('a@example.com')).not.toEqual(uids('b@example.com'));
    expect(uids('a@example.com')).toEqual(uids('a@example.com'));
  });
});
