// The PDF renderer imported on the first PDF asked for, as the docx library
// is for letters (render/docx-on-demand.ts): fontkit and the parsed
// fonts (the Japanese face's two weights are 15 MB of TrueType) then cost the
// server nothing until someone wants a PDF.
import type { FastifyRequest } from 'fastify';
import type { Contract, Letter } from '../contract/tree.ts';
import type { Invoice } from '../invoices/tree.ts';

export const PDF_TYPE = 'application/pdf';

const pdf = () => import('./pdf.ts');

export async function renderContractPdf(contract: Contract): Promise<Buffer> {
  return (await pdf()).renderContractPdf(contract);
}

export async function renderLetterPdf(letter: Letter): Promise<Buffer> {
  return (await pdf()).renderLetterPdf(letter);
}

export async function renderInvoicePdf(invoice: Invoice): Promise<Buffer> {
  return (await pdf()).renderInvoicePdf(invoice);
}

/** `?format=pdf`, which a download link can carry where it cannot set an Accept header. */
export function asksForPdfByQuery(request: FastifyRequest): boolean {
  const format = (request.query as Record<string, unknown> | undefined)?.format;
  return format === 'pdf';
}
