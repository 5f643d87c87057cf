// The claim pack's own documents (chronology, statement of account) as Word
// files, in the contract's styles: the title, the subtitle, then the tree's
// blocks through the same block renderer the letters and invoices use.
import { HeadingLevel } from 'docx';
import type { ClaimDocument } from '../claims/claim-pack.ts';
import { buildDocument, packDocument, plainParagraph, renderBlocks, STYLE } from './docx.ts';

export async function renderClaimDocx(document: ClaimDocument): Promise<Buffer> {
  const children = [
    plainParagraph(document.title, { heading: HeadingLevel.TITLE }),
    plainParagraph(document.subtitle, { style: STYLE.subtitle }),
    ...renderBlocks(document.blocks, document.meta.paperSize),
  ];
  return packDocument(buildDocument(document.meta, document.subtitle, children), document.meta.language);
}
