// The claim pack as one zip: the contract's Word file, every invoice and
// letter with its date in its name, the chronology and the statement of
// account. The Word files are already deflated, so they are stored as they
// are; the entries are dated the statement's day, so the same request gives
// the same zip.
//
// The seam for signing: `signed` takes the signed contract and its signature
// certificate as files (whatever their format) when the draft has them; they
// go into the contract's folder in place of the unsigned Word file. Nothing
// here knows how they are made.
import { zipSync, type Zippable } from 'fflate';
import type { Language } from '../answers/schema.ts';
import { parseIsoDate } from '../answers/dates.ts';
import type { ClaimPackTrees } from '../claims/claim-pack.ts';
import { safeFileStem } from '../contract/file-name.ts';
import type { Contract } from '../contract/tree.ts';
import { renderClaimDocx, renderInvoiceDocx, renderLetterDocx, renderNaiyoShomeiDocx } from './docx-on-demand.ts';

/** Files the signing feature adds for the contract: the signed document and its certificate. */
export interface SignedContractFiles {
  readonly files: readonly { readonly name: string; readonly data: Uint8Array }[];
}

export interface ClaimPackRendering {
  /** The contract's Word file as POST /api/contracts makes it. */
  readonly contractDocx: (contract: Contract) => Promise<Buffer>;
  readonly signed?: SignedContractFiles;
}

const FOLDERS: Readonly<Record<Language, { contract: string; invoices: string; letters: string }>> = {
  en: { contract: '1 Contract', invoices: '2 Invoices', letters: '3 Letters' },
  ja: { contract: '1 契約書', invoices: '2 請求書', letters: '3 書面' },
};

/** The zip's entry names, in the order a reader goes through them. */
export async function renderClaimPack(trees: ClaimPackTrees, asOf: string, rendering: ClaimPackRendering): Promise<{ zip: Buffer; fileStem: string }> {
  const language = trees.contract.meta.language ?? 'en';
  const folders = FOLDERS[language];
  const mtime = parseIsoDate(asOf);
  const stored = (data: Uint8Array): [Uint8Array, { level: 0; mtime: Date }] => [data, { level: 0, mtime }];
  const files: Zippable = {};
  // A signed contract stands in for the unsigned one: the court is shown what the client signed.
  if (!rendering.signed?.files.length) files[`${folders.contract}/${trees.contract.meta.fileStem}.docx`] = stored(await rendering.contractDocx(trees.contract));
  for (const file of rendering.signed?.files ?? []) files[`${folders.contract}/${safeFileStem(file.name.replace(/\.[^.]*$/, ''))}${/\.[A-Za-z0-9]+$/.exec(file.name)?.[0] ?? ''}`] = stored(file.data);
  for (const [index, invoice] of trees.invoices.entries()) {
    files[`${folders.invoices}/${String(index + 1).padStart(2, '0')} ${invoice.figures.issuedOn} ${safeFileStem(invoice.number)}.docx`] = stored(await renderInvoiceDocx(invoice));
  }
  for (const [index, { kind, isoDate, letter }] of trees.letters.entries()) {
    files[`${folders.letters}/${String(index + 1).padStart(2, '0')} ${isoDate} ${kind}.docx`] = stored(await renderLetterDocx(letter));
    // A Japanese final demand goes by 内容証明郵便: its grid copies, as sent, beside the letter.
    if (language === 'ja' && kind === 'final-notice') {
      files[`${folders.letters}/${String(index + 1).padStart(2, '0')} ${isoDate} ${kind} 内容証明.docx`] = stored(await renderNaiyoShomeiDocx(letter));
    }
  }
  // England and Wales: the pre-action letter, dated the statement's day, after the letters already sent.
  if (trees.preAction) {
    files[`${folders.letters}/${String(trees.letters.length + 1).padStart(2, '0')} ${asOf} ${trees.preAction.kind}.docx`] = stored(await renderLetterDocx(trees.preAction));
  }
  files[`4 ${safeFileStem(trees.chronology.title)}.docx`] = stored(await renderClaimDocx(trees.chronology));
  files[`5 ${safeFileStem(trees.statement.title)}.docx`] = stored(await renderClaimDocx(trees.statement));
  // Japan: what the 訴状 or the 支払督促 application says, filled from the statement's figures.
  if (trees.courtClaimJa) files[`6 ${safeFileStem(trees.courtClaimJa.document.title)}.docx`] = stored(await renderClaimDocx(trees.courtClaimJa.document));
  return { zip: Buffer.from(zipSync(files)), fileStem: safeFileStem(`${trees.contract.answers.project.name} claim pack ${asOf}`) };
}
