// The words of the signed file's certificate and signature marks, in the
// contract's language. The consent sentences are here too, so that the page
// shows and the record keeps exactly the words the signer agreed to.
import type { EngagementEvent, Party } from './events.ts';

export interface CertificateWords {
  readonly title: string;
  readonly method: string;
  /** The closing sentence of a contract concluded electronically (used where the edition writes its closing as text). */
  readonly closing: string;
  readonly intro: (id: string, version: number) => string;
  readonly documentHash: string;
  readonly replaces: string;
  readonly partiesCaption: string;
  readonly partiesHeader: readonly [string, string];
  readonly party: Record<Party, string>;
  readonly signedAs: (name: string, title: string | undefined, at: string) => string;
  readonly notSigned: string;
  readonly eventsCaption: string;
  readonly eventsHeader: (timeZone: string) => readonly [string, string];
  /** Which zone the second column of times is in, and its offset from UTC when the contract was sent. */
  readonly timeZone: (timeZone: string, offset: string) => string;
  readonly event: (event: EngagementEvent) => string;
  readonly seal: (keyId: string, at: string, signature: string) => string;
  readonly unsealed: string;
  readonly verify: string;
  /** Agreeing to sign and to receive the contract electronically. */
  readonly consent: string;
  /** ESIGN 15 U.S.C. 7001(c): what a consumer must be told before consenting to electronic records. */
  readonly consumerDisclosure: string;
}

const describeEn = (event: EngagementEvent): string => {
  const data = event.data as Record<string, unknown>;
  const from = data.address ? ` from ${String(data.address)} (${String(data.userAgent)})` : '';
  switch (event.type) {
    case 'created':
      return `Sent for signature (version ${String(data.version)}; document SHA-256 ${String(data.documentHash)})`;
    case 'viewed':
      return `Client's page opened${from}`;
    case 'downloaded':
      return `${data.party === 'client' ? 'Client' : 'Freelancer'} downloaded the ${data.file === 'signed' ? 'signed file' : data.file === 'signed-pdf' ? 'signed contract as PDF' : 'contract'}${from}`;
    case 'signed':
      return `Signed by ${data.party === 'client' ? 'the Client' : 'the Freelancer'}: typed name "${String(data.name)}"${data.title ? `, title "${String(data.title)}"` : ''}${data.business ? `, for ${String(data.business)}` : ''}${from}; consent: "${String(data.consent)}"`;
    case 'changes-asked':
      return `Client asked for changes${from}: "${String(data.message)}"`;
    case 'replaced':
      return `Replaced by version ${String(data.byVersion)} (${String(data.byEngagement)})`;
    case 'completed':
      return 'Signed by both parties; record completed';
  }
};

const describeJa = (event: EngagementEvent): string => {
  const data = event.data as Record<string, unknown>;
  const from = data.address ? `（接続元 ${String(data.address)}、${String(data.userAgent)}）` : '';
  switch (event.type) {
    case 'created':
      return `署名依頼を送信（第${String(data.version)}版、文書のSHA-256 ${String(data.documentHash)}）`;
    case 'viewed':
      return `委託者のページを表示${from}`;
    case 'downloaded':
      return `${data.party === 'client' ? '委託者' : '受託者'}が${data.file === 'signed' ? '署名済みファイル' : data.file === 'signed-pdf' ? '署名済みの契約書（PDF）' : '契約書'}をダウンロード${from}`;
    case 'signed':
      return `${data.party === 'client' ? '委託者' : '受託者'}が署名：入力された氏名「${String(data.name)}」${data.title ? `、役職「${String(data.title)}」` : ''}${data.business ? `、${String(data.business)}のため` : ''}${from}。同意文言：「${String(data.consent)}」`;
    case 'changes-asked':
      return `委託者が修正を依頼${from}：「${String(data.message)}」`;
    case 'replaced':
      return `第${String(data.byVersion)}版（${String(data.byEngagement)}）に差し替え`;
    case 'completed':
      return '双方が署名し、記録を完了';
  }
};

export const CERTIFICATE_WORDS: Record<'en' | 'ja', CertificateWords> = {
  en: {
    title: 'Signature certificate',
    method: 'signed electronically',
    closing: 'This Agreement was concluded electronically; each Party keeps the electronic record.',
    intro: (id, version) => `This certificate is part of the electronic record of engagement ${id}, version ${version}, kept by Contract Kit.`,
    documentHash: 'SHA-256 of the Word file the parties signed',
    replaces: 'Replaces engagement',
    partiesCaption: 'Parties',
    partiesHeader: ['Party', 'Signature'],
    party: { freelancer: 'Freelancer', client: 'Client' },
    signedAs: (name, title, at) => `/s/ ${name}${title ? `, ${title}` : ''}, ${at}`,
    notSigned: 'Not signed',
    eventsCaption: 'Events',
    eventsHeader: (timeZone) => [`Time (UTC / ${timeZone})`, 'Event'],
    timeZone: (timeZone, offset) =>
      timeZone === 'UTC' ? 'Times are in UTC.' : `Times are in UTC and in the parties' time zone, ${timeZone} (${offset} when the contract was sent; each time shows its own offset).`,
    event: describeEn,
    seal: (keyId, at, signature) => `Sealed at ${at} with the server's Ed25519 key ${keyId}. Seal: ${signature}`,
    unsealed: 'This record is not complete and not sealed.',
    verify: 'Check this file on the verification page, or offline with the published key: npm run verify -- file.docx.',
    consent:
      'I agree to sign this contract electronically, that my typed name is my signature, and to receive this contract and notices about it electronically.',
    consumerDisclosure:
      'Before you agree: you may ask for this contract on paper instead, at no charge, by writing to the Freelancer; you may withdraw your consent to electronic records at any time by writing to the Freelancer, which does not undo a signature already given; your consent covers this contract and the notices about it; to read and keep it you need a web browser and a program that opens Word files (.docx); if the Freelancer\'s email address changes you will be told.',
  },
  ja: {
    title: '電子署名証明書',
    method: '電子契約により締結',
    closing: '本契約の成立を証するため、本書の電磁的記録を作成し、委託者及び受託者が合意の後電子署名を施し、各自その電磁的記録を保有する。',
    intro: (id, version) => `本証明書は、Contract Kitが保管する電子契約記録（案件${id}、第${version}版）の一部である。`,
    documentHash: '双方が署名したWordファイルのSHA-256',
    replaces: '差し替え前の案件',
    partiesCaption: '当事者',
    partiesHeader: ['当事者', '署名'],
    party: { freelancer: '受託者', client: '委託者' },
    signedAs: (name, title, at) => `/s/ ${name}${title ? `（${title}）` : ''}　${at}`,
    notSigned: '未署名',
    eventsCaption: '記録',
    eventsHeader: (timeZone) => [`日時（UTC／${timeZone}）`, '内容'],
    timeZone: (timeZone, offset) =>
      timeZone === 'UTC' ? '日時は協定世界時（UTC）で示す。' : `日時は協定世界時（UTC）及び当事者の時間帯 ${timeZone}（送付時 ${offset}。各日時にその時点の時差を付記）で示す。`,
    event: describeJa,
    seal: (keyId, at, signature) => `${at}、サーバーのEd25519鍵 ${keyId} で封印。封印：${signature}`,
    unsealed: 'この記録は未完了であり、封印されていない。',
    verify: '本ファイルは検証ページ、または公開鍵によりオフラインで（npm run verify -- file.docx）確認できる。',
    consent: '私は、本契約を電子契約として締結すること、入力した氏名を私の署名とすること、並びに本契約及びこれに関する通知を電子的に受け取ることに同意します。',
    consumerDisclosure:
      '同意の前に：書面の契約書を希望する場合は、受託者に申し出れば無償で交付を受けられます。電子的な受領への同意はいつでも受託者への連絡により撤回できます（既にした署名は取り消されません）。閲覧と保存にはウェブブラウザとWordファイル（.docx）を開けるソフトが必要です。',
  },
};

export function certificateWords(language: string): CertificateWords {
  return language === 'ja' ? CERTIFICATE_WORDS.ja : CERTIFICATE_WORDS.en;
}
