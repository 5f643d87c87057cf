// An invoice as JSON (`Accept: application/json` on POST /api/invoices):
// every figure in minor units and written out, straight from the bill the
// settlement model made, so a tool never re-adds what the invoice says.
// Written as the invoice writes them: $6,000.00, or 600,000円 in Japanese.
import { toMajor, type Money } from '../answers/money.ts';
import { formatsFor } from '../language/format.ts';
import type { Invoice } from '../invoices/tree.ts';

export function invoiceToJson(invoice: Invoice) {
  const { bill, late, ending } = invoice.figures;
  const { money } = formatsFor(invoice.language);
  const amount = (value: Money) => ({ minor: value.minor, amount: toMajor(value), formatted: money(value) });
  return {
    kind: invoice.kind,
    language: invoice.language,
    number: invoice.number,
    title: invoice.title,
    subtitle: invoice.subtitle,
    fileName: `${invoice.meta.fileStem}.docx`,
    issuedOn: invoice.figures.issuedOn,
    dueDate: invoice.figures.dueDate,
    due: invoice.due,
    currency: bill.currency,
    lines: bill.lines.map((line, index) => ({
      number: index + 1,
      kind: line.kind,
      description: invoice.lines.lines[index]!.description,
      taxable: line.taxable,
      ...amount(line.amount),
    })),
    net: amount(bill.net),
    taxes: bill.taxes.map((tax) => ({ label: tax.label, percent: tax.percent, base: amount(tax.base), ...amount(tax.amount) })),
    gross: amount(bill.gross),
    deductions: bill.deductions.map((line, index) => ({ kind: line.kind, description: invoice.deductionDescriptions[index]!, ...amount(line.amount) })),
    total: amount(bill.total),
    ...(late ? { lateFee: { since: late.since, daysLate: late.daysLate, periods: late.periods, ...amount(late.lateFee) } } : {}),
    ...(ending
      ? {
          ending: {
            workDone: amount(ending.workDone),
            expenses: amount(ending.expenses),
            feeNotEarned: amount(ending.feeNotEarned),
            killFeePercent: ending.killFeePercent,
            killFee: amount(ending.killFee),
            earned: amount(ending.earned),
            deposit: amount(ending.deposit),
            depositCredited: amount(ending.depositCredited),
            depositRefunded: amount(ending.depositRefunded),
            refund: amount(ending.refund),
            // What goes back in money: the refund with the tax paid on it (and on a deposit set against an untaxed kill fee).
            taxRefunded: amount(ending.taxRefunded),
            refundTotal: amount(ending.refundBill?.total ?? { minor: 0, currency: ending.currency }),
          },
        }
      : {}),
    reference: invoice.reference,
    subject: invoice.email.subject,
  };
}
