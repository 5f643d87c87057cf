// Japan's Freelance Act comes from jurisdictions/statutes/jp-freelance-act.yaml: its 60-day rule, where to
// complain, and the hotline, whose number is printed as unconfirmed until a person reads it on the official page.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freelanceActJa, freelanceActReaches, freelanceHelpLines, hotlinePhoneText } from '../../src/claims/freelance-act-ja.ts';
import { loadStatuteBook, STATUTES_ROOT } from '../../src/jurisdictions/statutes.ts';
import { sampleAnswers } from '../helpers/samples.ts';

let copies: string[] = [];
afterEach(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
  copies = [];
});

function bookWith(change: (text: string) => string) {
  const dir = mkdtempSync(join(tmpdir(), 'statutes-ja-'));
  copies.push(dir);
  cpSync(STATUTES_ROOT, dir, { recursive: true });
  const file = join(dir, 'jp-freelance-act.yaml');
  writeFileSync(file, change(readFileSync(file, 'utf8')));
  return dir;
}

describe('the Freelance Act as data', () => {
  it('gives the 60-day rule, the three complaint routes and the hotline, each with a source and a date checked', () => {
    const act = freelanceActJa();
    expect(act.title).toBe('特定受託事業者に係る取引の適正化等に関する法律');
    expect(act.inForceFrom.value).toBe('2024-11-01');
    expect(act.paymentDays.value).toBe(60);
    expect(act.paymentDays.source).toMatch(/第4条/);
    expect(act.complaintRoutes.map((route) => route.name)).toEqual(['公正取引委員会', '中小企業庁', '厚生労働省（都道府県労働局）']);
    expect(act.hotline.name).toBe('フリーランス・トラブル110番');
    expect(act.hotline.url).toBe('https://freelance110.mhlw.go.jp/');
    for (const fact of [act.inForceFrom, act.paymentDays, ...act.complaintRoutes, act.hotline, act.hotline.phone]) expect(fact.checked).toBe('2026-12-06');
  });

  it('prints the hotline number as unconfirmed, with the official site to check it, while the data says so', () => {
    expect(hotlinePhoneText()).toBe('0120-532-110（未確認の番号です。https://freelance110.mhlw.go.jp/ でご確認ください）');
    expect(freelanceHelpLines()).toEqual([
      'フリーランス・トラブル110番：弁護士による無料相談と和解あっせん（厚生労働省委託、第二東京弁護士会運営）。電話 0120-532-110（未確認の番号です。https://freelance110.mhlw.go.jp/ でご確認ください）　https://freelance110.mhlw.go.jp/',
      '公正取引委員会：報酬の支払遅延・減額など取引条件の違反の申出（第6条） https://www.jftc.go.jp/freelancelaw_2024/',
      '中小企業庁：同じく取引条件の違反の申出（第6条）',
      '厚生労働省（都道府県労働局）：ハラスメント・育児介護との両立など就業環境に関する違反の申出（第17条）',
    ]);
  });

  it('prints the number plainly once a person has confirmed it in the data', () => {
    const book = loadStatuteBook(bookWith((text) => text.replace('confirmed: false', 'confirmed: true')));
    expect(hotlinePhoneText(freelanceActJa(book))).toBe('0120-532-110');
  });

  it('a hotline number without its source stops the start, naming the file and the field', () => {
    const dir = bookWith((text) => text.replace(/^ {4}source: "公式サイトでは未確認.*$/m, ''));
    expect(() => loadStatuteBook(dir)).toThrow(/jp-freelance-act\.yaml: hotline\.phone\.source/);
  });

  it('reaches a solo freelancer and a company client from 1 November 2024, not before, and not a client who is a person', () => {
    const answers = sampleAnswers('ja/tokyo-fixed');
    expect(freelanceActReaches(answers)).toBe(true);
    expect(freelanceActReaches({ ...answers, effectiveDate: '2024-10-31' })).toBe(false);
    expect(freelanceActReaches({ ...answers, freelancer: { ...answers.freelancer, hasEmployees: true } })).toBe(false);
    expect(freelanceActReaches({ ...answers, client: { ...answers.client, business: undefined, title: undefined } })).toBe(false);
  });
});
