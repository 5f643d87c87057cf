// Where a Japanese contract's disputes go: a place as people write it, turned
// into the seat of a district court, and the courts named from it.
import { describe, expect, it } from 'vitest';
import { courtSeat, districtCourt, summaryCourt } from '../../src/answers/japan-courts.ts';

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
