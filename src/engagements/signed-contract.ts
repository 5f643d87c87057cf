// The signed contract: the contract tree as sent, its signature block filled
// from the record ("/s/ Name", the date, "signed electronically") and a last
// section, the signature certificate. Only tree blocks the renderers already
// draw are used, so the Word file, the page and (later) the PDF agree.
import type { Language } from '../answers/schema.ts';
import type { Block, Contract, Section, SignatureParty } from '../contract/tree.ts';
import { formatsFor } from '../language/format.ts';
import { timeZoneLine, utcOffset, type Certificate } from './certificate.ts';
import { certificateWords } from './certificate-words.ts';
import type { Party } from './events.ts';

const isoDay = (at: string, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(at));
const clock = (at: string, timeZone: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(new Date(at));


/**
 * "2027-04-01 09:01:00 UTC", then the same moment where the parties are, when
 * that is not UTC, with its offset: "2027-04-01 18:01:00 Asia/Tokyo (UTC+09:00)".
 */
export function eventTime(at: string, timeZone: string): string {
  const utc = `${clock(at, 'UTC')} UTC`;
  return timeZone === 'UTC' ? utc : `${utc}\n${clock(at, timeZone)} ${timeZone} (${utcOffset(at, timeZone)})`;
}

/** The signature block's parties are the freelancer's, then the client's, in both editions. */
const PARTY_ORDER: readonly Party[] = ['freelancer', 'client'];

export function signedContract(contract: Contract, certificate: Certificate): Contract {
  const language: Language = contract.meta.language ?? 'en';
  const words = certificateWords(language);
  const { date } = formatsFor(language);
  const byParty = new Map(certificate.parties.map((party) => [party.party, party]));

  const sign = (party: SignatureParty, index: number): SignatureParty => {
    const signedAs = byParty.get(PARTY_ORDER[index]!)?.signedAs;
    if (!signedAs) return party;
    return {
      ...party,
      ...(signedAs.title ? { title: signedAs.title } : {}),
      signed: { mark: `/s/ ${signedAs.name}`, date: date(isoDay(signedAs.at, certificate.timeZone)), method: words.method },
    };
  };
  const fill = (block: Block): Block => (block.type === 'signatures' ? { ...block, parties: block.parties.map(sign) } : block);
  const sections = contract.sections.map((section) => {
    if (section.blocks.some((block) => block.type === 'signatures')) return { ...section, blocks: section.blocks.map(fill) };
    if (section.id === 'signatures' && language === 'ja') return signedJapaneseClosing(section, certificate, date);
    return section;
  });
  return { ...contract, sections: [...sections, certificateSection(certificate, language)] };
}

const runsText = (block: Block) => (block.type === 'paragraph' ? block.runs.map((run) => run.text).join('') : '');
/** A Japanese signature line without its seal mark (「氏名　佐藤花子　　　　　　印」 → 「氏名　佐藤花子」); undefined for any other line. */
function withoutSealMark(text: string): string | undefined {
  if (!text.endsWith('\u3000印')) return undefined;
  let end = text.length - 1;
  while (end > 0 && text[end - 1] === '\u3000') end--;
  return text.slice(0, end);
}
const JAPANESE_ROLE: Readonly<Record<string, Party>> = { 委託者: 'client', 受託者: 'freelancer' };

/**
 * The Japanese closing (記名押印 on paper) as an electronic contract: the
 * closing sentence that says each party keeps the electronic record, each
 * 印 replaced by the typed signature, and no 収入印紙 note, since a contract
 * concluded electronically makes no taxable paper document (docs/signing.md).
 */
function signedJapaneseClosing(section: Section, certificate: Certificate, date: (iso: string) => string): Section {
  const words = certificateWords('ja');
  const byParty = new Map(certificate.parties.map((party) => [party.party, party]));
  let party: Party | undefined;
  const blocks: Block[] = [];
  for (const block of section.blocks) {
    const text = runsText(block);
    if (text in JAPANESE_ROLE) party = JAPANESE_ROLE[text];
    if (text.startsWith('本契約の成立を証するため')) {
      blocks.push({ type: 'paragraph', runs: [{ text: words.closing }] });
    } else if (text.startsWith('※')) {
      continue;
    } else if (block.type === 'paragraph' && withoutSealMark(text) !== undefined && party) {
      const signedAs = byParty.get(party)?.signedAs;
      blocks.push(
        signedAs
          ? { type: 'paragraph', runs: [{ text: `${withoutSealMark(text)}　　/s/ ${signedAs.name}　${date(isoDay(signedAs.at, certificate.timeZone))}　${words.method}` }] }
          : block,
      );
    } else {
      blocks.push(block);
    }
  }
  return { ...section, blocks };
}

export function certificateSection(certificate: Certificate, language: Language): Section {
  const words = certificateWords(language);
  const paragraph = (text: string): Block => ({ type: 'paragraph', runs: [{ text }] });
  const blocks: Block[] = [
    paragraph(words.intro(certificate.engagementId, certificate.version)),
    { type: 'paragraph', runs: [{ text: `${words.documentHash}: ` }, { text: certificate.documentHash, bold: true }] },
    ...(certificate.replaces ? [paragraph(`${words.replaces}: ${certificate.replaces}`)] : []),
    paragraph(timeZoneLine(certificate, words)),
    {
      type: 'table',
      caption: words.partiesCaption,
      header: words.partiesHeader,
      rows: certificate.parties.map((party) => ({
        label: [`${words.party[party.party]}: ${party.name}`, party.business, party.email].filter(Boolean).join('\n'),
        value: party.signedAs ? words.signedAs(party.signedAs.name, party.signedAs.title, eventTime(party.signedAs.at, certificate.timeZone).replace('\n', ' / ')) : words.notSigned,
      })),
    },
    {
      type: 'table',
      caption: words.eventsCaption,
      header: words.eventsHeader(certificate.timeZone),
      rows: certificate.events.map((event) => ({ label: `${event.seq}. ${eventTime(event.at, certificate.timeZone)}`, value: words.event(event) })),
    },
    paragraph(certificate.seal ? words.seal(certificate.seal.keyId, certificate.seal.sealedAt, certificate.seal.signature) : words.unsealed),
    paragraph(words.verify),
  ];
  return { id: 'signature-certificate', title: words.title, note: '', blocks };
}
