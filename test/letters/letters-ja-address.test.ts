// Where the client is decides the final demand's last paragraph: a 支払督促 can
// reach a client in Japan only (民事訴訟法第382条: served without public notice),
// so the 最終催告書 announces one for a client in any of the 47 prefectures and
// a suit in the agreed court for a client abroad. The prefectures are a table
// (src/letters/edition-ja.ts); each is named here by hand, and so is the
// paragraph each kind of client reads.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answersSchema } from '../../src/answers/schema.ts';
import { CLAUSES_ROOT } from '../../src/clauses/load.ts';
import { assembleLetter } from '../../src/letters/assemble.ts';
import { isAddressInJapan } from '../../src/letters/edition-ja.ts';
import { loadLetterLibrary } from '../../src/letters/library.ts';
import { renderLetterText } from '../../src/letters/plain-text.ts';
import type { LetterRequest } from '../../src/letters/request.ts';
import { sampleInput } from '../helpers/samples.ts';

const PREFECTURES = [
  '北海道', '青森県', '岩手県', '宮城県', '秋田県', '山形県', '福島県',
  '茨城県', '栃木県', '群馬県', '埼玉県', '千葉県', '東京都', '神奈川県',
  '新潟県', '富山県', '石川県', '福井県', '山梨県', '長野県', '岐阜県', '静岡県', '愛知県',
  '三重県', '滋賀県', '京都府', '大阪府', '兵庫県', '奈良県', '和歌山県',
  '鳥取県', '島根県', '岡山県', '広島県', '山口県',
  '徳島県', '香川県', '愛媛県', '高知県',
  '福岡県', '佐賀県', '長崎県', '熊本県', '大分県', '宮崎県', '鹿児島県', '沖縄県',
];

describe('an address in Japan: each of the 47 prefectures', () => {
  it('the table has 47', () => {
    expect(new Set(PREFECTURES).size).toBe(47);
  });

  it.each(PREFECTURES)('%s', (prefecture) => {
    expect(isAddressInJapan(`〒100-0001 ${prefecture}中央1-2-3 サンプルビル4階`)).toBe(true);
  });
});

describe('an address abroad, even one written in kanji with 県 or 府 in it', () => {
  it.each([
    // A Chinese county (县) written the Japanese way: 県 after a name that is no prefecture.
    '中華人民共和国河北省保定市安新県',
    // A Taiwanese county, written with 県 in Japanese.
    '台湾新竹県竹北市光明六路10号',
    // The 京 of 北京 with no 府 or 都 after it names no prefecture.
    '中華人民共和国北京市東城区',
    '대한민국 서울특별시 중구 세종대로 110',
    '1 Market St, San Francisco, CA 94105, USA',
    '',
  ])('%s', (address) => {
    expect(isAddressInJapan(address)).toBe(false);
  });

  it('日本 or Japan written out marks an address in Japan, whatever the script', () => {
    expect(isAddressInJapan('日本国 大阪市北区梅田1-1')).toBe(true);
    expect(isAddressInJapan('2-3-1 Umeda, Kita-ku, Osaka, JAPAN')).toBe(true);
    // Full-width letters, as some forms give them.
    expect(isAddressInJapan('Ｏｓａｋａ, Ｊａｐａｎ')).toBe(true);
    expect(isAddressInJapan('Japanese Garden Rd, Portland, OR, USA')).toBe(false);
  });
});

describe('the last paragraph of the 最終催告書, written out', () => {
  const DIR = join(CLAUSES_ROOT, 'letters-ja');
  const fixture = JSON.parse(readFileSync(join(DIR, 'sample-letter.json'), 'utf8'));
  const english = loadLetterLibrary();
  /** The sample's final demand (660,000円, due 2027年7月30日, dated 2027年8月30日) to a client at `address`. */
  const finalNotice = (address: string) => {
    const input = sampleInput(fixture.answers);
    input.client.address = address;
    const request: LetterRequest = { answers: answersSchema.parse(input), letter: fixture.letter };
    return renderLetterText(assembleLetter('final-notice', request, english));
  };
  const ORDER =
    '期限までにお支払いいただけない場合は、誠に不本意ながら、貴社の本店所在地を管轄する簡易裁判所への支払督促の申立て、又は2027年4月1日付け業務委託契約書（第18条）の定める裁判所への訴訟の提起により、法的措置を講じます。なお、請求金額が600,000円を超えるため、少額訴訟は利用いたしません。';
  const SUIT = '期限までにお支払いいただけない場合は、誠に不本意ながら、2027年4月1日付け業務委託契約書（第18条）の定める裁判所に訴訟を提起し、法的措置を講じます。';

  it('a client in 群馬県: a 支払督促 at the court of its head office, or a suit', () => {
    const text = finalNotice('群馬県前橋市大手町1-1-1');
    expect(text).toContain(ORDER);
    expect(text).not.toContain(SUIT);
  });

  it('a client in 安新県, China: a suit in the agreed court, no 支払督促', () => {
    const text = finalNotice('中華人民共和国河北省保定市安新県');
    expect(text).toContain(SUIT);
    expect(text).not.toContain('支払督促');
  });
});
