// (invoice request) -> Invoice tree, in the language of the contract's
// answers. Each language's edition words the same bill (bill.ts, from the
// settlement model): English (edition-en.ts), and the Japanese 請求書 that is a
// qualified invoice when the freelancer is registered (edition-ja.ts).
import type { Language } from '../answers/schema.ts';
import { assembleEnglishInvoice } from './edition-en.ts';
import { assembleJapaneseInvoice } from './edition-ja.ts';
import type { InvoiceRequest } from './request.ts';
import type { Invoice } from './tree.ts';

const EDITIONS: Readonly<Record<Language, (request: InvoiceRequest) => Invoice>> = {
  en: assembleEnglishInvoice,
  ja: assembleJapaneseInvoice,
};

export function assembleInvoice(request: InvoiceRequest): Invoice {
  return EDITIONS[request.answers.language](request);
}
