// Letters and invoices as Word files, through the docx library, which is
// imported on the first one asked for rather than at start-up: imported, it
// adds about 11 MB to the server's RSS, and contracts, the files nearly every
// request makes, no longer need it (render/docx-package.ts). That first
// letter or invoice takes about a quarter of a second longer (the import,
// measured on the 2-core dev machine); every one after it, nothing.
import type { Letter } from '../contract/tree.ts';
import type { Invoice } from '../invoices/tree.ts';
import type { ClaimDocument } from '../claims/claim-pack.ts';

export async function renderLetterDocx(letter: Letter): Promise<Buffer> {
  return (await import('./docx.ts')).renderLetterDocx(letter);
}

export async function renderInvoiceDocx(invoice: Invoice): Promise<Buffer> {
  return (await import('./invoice-docx.ts')).renderInvoiceDocx(invoice);
}

export async function renderClaimDocx(document: ClaimDocument): Promise<Buffer> {
  return (await import('./claim-docx.ts')).renderClaimDocx(document);
}

export async function renderNaiyoShomeiDocx(...args: Parameters<typeof import('./naiyo-shomei-docx.ts').renderNaiyoShomeiDocx>): Promise<Buffer> {
  return (await import('./naiyo-shomei-docx.ts')).renderNaiyoShomeiDocx(...args);
}
