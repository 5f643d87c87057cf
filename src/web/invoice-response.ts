// An invoice as JSON (`Accept: application/json` on POST /api/invoices):
// every figure in minor units and written out, straight from the bill the
// settlement model made, so a tool never re-adds what the invoice says.
import { formatMoney, toMajor, type Money } from '../answers/money.ts';
import type { Invoice } from '../invoices/tree.ts';

const amount = (value: Money) => ({ minor: value.minor, amount: toMajor(value), formatted: formatMoney(value) });

export function invoiceToJson(invoice: Invoice) {
  const { bill, late, ending } = invoice.figures;
  return {
    kind: invoice.kind,
    number: invoice.number,
    title: invoice.title,
    subtitle: invoice.subtitle,
    fileName: `${invoice.meta.fileStem}.docx`,
    issuedOn: invoice.figures.issuedOn,
    dueDate: invoice.figures.dueDate,
    due: invoice.details.rows.find((row) => row.label === 'Due')?.value,
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
    deductions: bill.deductions.map((line) => ({ kind: line.kind, description: line.label, ...amount(line.amount) })),
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
            depositKept: amount(ending.depositKept),
            refund: amount(ending.refund),
          },
        }
      : {}),
    reference: invoice.reference,
    subject: invoice.subject,
  };
}
