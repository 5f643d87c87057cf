// Where a Japanese contract's disputes go: a place as people write it, turned
// into the seat of a district court, and the courts named from it.
import { describe, expect, it } from 'vitest';
import { courtSeat, districtCourt, summaryCourt, summaryCourtOfAddress } from '../../src/answers/japan-courts.ts';

describe('the seat of the district court for a place', () => {
  it.each([
    ['a seat', '津', '津'],
    ['a seat written as a city', '津市', '津'],
    ['a prefecture named after its seat', '静岡県', '静岡'],
    ['a prefecture whose seat has another name', '愛知県', '名古屋'],
    ['a prefecture without its suffix', '兵庫', '神戸'],
    ['Hokkaido, whose name ends in 道', '北海道', '札幌'],
    ['Tokyo with 都', '東京都', '東京'],
    ['Osaka with 府', '大阪府', '大阪'],
    ['spaces inside and around', ' 大 阪 府 ', '大阪'],
    ['full-width spaces (NFKC)', '\u3000京都\u3000', '京都'],
    ['a district court', '横浜地方裁判所', '横浜'],
    ['a summary court', '横浜簡易裁判所', '横浜'],
    ['a court', '横浜裁判所', '横浜'],
  ])('%s: %s is heard in %s', (_kind, place, seat) => {
    expect(courtSeat(place)).toBe(seat);
  });

  it.each([
    ['a ward of Tokyo', '渋谷区'],
    ['a city without a district court', '府中市'],
    ['a place in Latin letters', 'Tokyo'],
    ['a court name in the middle', '地方裁判所東京'],
    ['a seat with a word after it', '東京駅'],
    ['nothing', ''],
  ])('%s (%s) names no court', (_kind, place) => {
    expect(courtSeat(place)).toBeUndefined();
  });
});

describe('the courts named from a seat', () => {
  it('the district court and the summary court of the same place', () => {
    expect(districtCourt('東京')).toBe('東京地方裁判所');
    expect(summaryCourt('東京')).toBe('東京簡易裁判所');
  });
});

// The whole table, written out by hand from courts.go.jp (裁判所の所在地): every
// prefecture to the seat of its district court, and every seat to itself, so
// blanking or changing any one entry fails a test that names it.
describe('every prefecture and every district court seat, one by one', () => {
  it.each([
    ['北海道', '札幌'], ['青森県', '青森'], ['岩手県', '盛岡'], ['宮城県', '仙台'], ['秋田県', '秋田'], ['山形県', '山形'],
    ['福島県', '福島'], ['茨城県', '水戸'], ['栃木県', '宇都宮'], ['群馬県', '前橋'], ['埼玉県', 'さいたま'], ['千葉県', '千葉'],
    ['東京都', '東京'], ['神奈川県', '横浜'], ['新潟県', '新潟'], ['富山県', '富山'], ['石川県', '金沢'], ['福井県', '福井'],
    ['山梨県', '甲府'], ['長野県', '長野'], ['岐阜県', '岐阜'], ['静岡県', '静岡'], ['愛知県', '名古屋'], ['三重県', '津'],
    ['滋賀県', '大津'], ['京都府', '京都'], ['大阪府', '大阪'], ['兵庫県', '神戸'], ['奈良県', '奈良'], ['和歌山県', '和歌山'],
    ['鳥取県', '鳥取'], ['島根県', '松江'], ['岡山県', '岡山'], ['広島県', '広島'], ['山口県', '山口'], ['徳島県', '徳島'],
    ['香川県', '高松'], ['愛媛県', '松山'], ['高知県', '高知'], ['福岡県', '福岡'], ['佐賀県', '佐賀'], ['長崎県', '長崎'],
    ['熊本県', '熊本'], ['大分県', '大分'], ['宮崎県', '宮崎'], ['鹿児島県', '鹿児島'], ['沖縄県', '那覇'],
  ])('%s: its district court sits in %s', (prefecture, seat) => {
    expect(courtSeat(prefecture)).toBe(seat);
  });

  it.each([
    '札幌', '函館', '旭川', '釧路', '青森', '盛岡', '仙台', '秋田', '山形', '福島',
    '水戸', '宇都宮', '前橋', 'さいたま', '千葉', '東京', '横浜', '新潟', '富山', '金沢',
    '福井', '甲府', '長野', '岐阜', '静岡', '名古屋', '津', '大津', '京都', '大阪',
    '神戸', '奈良', '和歌山', '鳥取', '松江', '岡山', '広島', '山口', '徳島', '高松',
    '松山', '高知', '福岡', '佐賀', '長崎', '熊本', '大分', '宮崎', '鹿児島', '那覇',
  ])('%s地方裁判所 is a seat of its own', (seat) => {
    expect(courtSeat(`${seat}地方裁判所`)).toBe(seat);
  });
});

// The claim pack names the debtor's summary court only where the address alone settles it: the
// 23 wards of Tokyo, all 東京簡易裁判所's area. Elsewhere a court's area follows municipalities.
describe("the summary court of a debtor's address", () => {
  it.each([
    ['a ward address', '東京都渋谷区神南1-2-3', '東京簡易裁判所'],
    ['with its postcode and 〒', '〒150-0041 東京都渋谷区神南1-2-3', '東京簡易裁判所'],
    ['with a postcode written without its hyphen', '1500041東京都渋谷区神南1-2-3', '東京簡易裁判所'],
    ['typed in full-width with spaces', '〒１５０－００４１　東京都　渋谷区　神南１－２－３', '東京簡易裁判所'],
    ['in the first ward of the list', '東京都千代田区丸の内1-1', '東京簡易裁判所'],
    ['in the last ward of the list', '東京都江戸川区中央1-4-1', '東京簡易裁判所'],
    ['in 北区, the shortest name', '東京都北区王子1-1', '東京簡易裁判所'],
    ['a city of Tokyo outside the wards', '東京都八王子市元本郷町3-24-1', undefined],
    ['an Osaka address', '大阪府大阪市北区梅田1-1', undefined],
    ['a ward named after the list but not in Tokyo', '神奈川県横浜市港北区日吉1-1', undefined],
    ['the ward written before Tokyo', '渋谷区東京都1-1', undefined],
    ['a ward name inside a longer street address', '埼玉県さいたま市東京都渋谷区', undefined],
    ['the ward alone, no street', '東京都渋谷区', '東京簡易裁判所'],
    ['a ward without 区', '東京都渋谷1-1', undefined],
    ['an empty address', '', undefined],
  ])('%s: %s', (_case, address, court) => {
    expect(summaryCourtOfAddress(address)).toBe(court);
  });

  it('reads the postcode only at the start: a number later in the address is left alone', () => {
    expect(summaryCourtOfAddress('東京都港区1500041')).toBe('東京簡易裁判所');
    expect(summaryCourtOfAddress('150-0041')).toBeUndefined();
    // Struck out, the number would join 東京都 and 渋谷区 into a ward address the user never wrote.
    expect(summaryCourtOfAddress('東京都150-0041渋谷区')).toBeUndefined();
  });
});
