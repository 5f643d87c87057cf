// Where a Japanese contract's disputes go. The venue sentence names a district
// court (地方裁判所) and the summary court (簡易裁判所) of the same place, built
// from a place the user gives rather than a court name typed by hand, so it
// always names courts that exist. Every district court sits in one of these
// 50 cities, and each of them also has a summary court of the same name
// (courts.go.jp, 裁判所の所在地). A prefecture stands for its district court's
// seat: 神奈川 -> 横浜, 愛知 -> 名古屋.

const SEATS = [
  '札幌', '函館', '旭川', '釧路', '青森', '盛岡', '仙台', '秋田', '山形', '福島',
  '水戸', '宇都宮', '前橋', 'さいたま', '千葉', '東京', '横浜', '新潟', '富山', '金沢',
  '福井', '甲府', '長野', '岐阜', '静岡', '名古屋', '津', '大津', '京都', '大阪',
  '神戸', '奈良', '和歌山', '鳥取', '松江', '岡山', '広島', '山口', '徳島', '高松',
  '松山', '高知', '福岡', '佐賀', '長崎', '熊本', '大分', '宮崎', '鹿児島', '那覇',
] as const;

/** Prefectures whose district court sits in a city of another name. */
const PREFECTURE_SEATS: Readonly<Record<string, string>> = {
  北海道: '札幌', 岩手: '盛岡', 宮城: '仙台', 茨城: '水戸', 栃木: '宇都宮', 群馬: '前橋',
  埼玉: 'さいたま', 神奈川: '横浜', 石川: '金沢', 山梨: '甲府', 愛知: '名古屋', 三重: '津',
  滋賀: '大津', 兵庫: '神戸', 島根: '松江', 香川: '高松', 愛媛: '松山', 沖縄: '那覇',
};

const SEAT_SET: ReadonlySet<string> = new Set(SEATS);

/**
 * The district court seat for a place as people write it: 東京, 東京都,
 * 大阪府, 横浜市, 神奈川県, 北海道, ＴＯＫＹＯ is not one (the names are
 * Japanese). Undefined when the place names no seat or prefecture.
 */
export function courtSeat(place: string): string | undefined {
  const name = place.normalize('NFKC').replace(/\s/g, '').replace(/(地方裁判所|簡易裁判所|裁判所)$/, '');
  for (const candidate of [name, name.replace(/[都道府県市]$/, '')]) {
    if (SEAT_SET.has(candidate)) return candidate;
    const seat = PREFECTURE_SEATS[candidate];
    if (seat) return seat;
  }
  return undefined;
}

export const districtCourt = (seat: string) => `${seat}地方裁判所`;
export const summaryCourt = (seat: string) => `${seat}簡易裁判所`;

/**
 * The summary court of an address where the address alone settles it: the 23 special wards of Tokyo
 * (東京都○○区) are all 東京簡易裁判所's area (裁判所「各地の裁判所 > 東京簡易裁判所 > 管轄区域」,
 * https://www.courts.go.jp/tokyo-s/). Elsewhere a summary court's area follows municipalities, often
 * several courts within one prefecture or even one city, so undefined: the reader looks it up.
 */
export function summaryCourtOfAddress(address: string): string | undefined {
  const plain = address.normalize('NFKC').replace(/\s/g, '').replace(/^〒?\d{3}-?\d{4}/, '');
  return /^東京都(千代田|中央|港|新宿|文京|台東|墨田|江東|品川|目黒|大田|世田谷|渋谷|中野|杉並|豊島|北|荒川|板橋|練馬|足立|葛飾|江戸川)区/.test(plain) ? summaryCourt('東京') : undefined;
}
