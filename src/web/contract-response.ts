// The assembled contract as JSON: what `Accept: application/json` returns.
import { formatMoney, toMajor } from '../answers/money.ts';
import { computeFigures } from '../contract/facts.ts';
import { contractMoney } from '../contract/settlement.ts';
import { sectionToText } from '../contract/plain-text.ts';
import type { Contract } from '../contract/tree.ts';

export function contractToJson(contract: Contract) {
  const figures = computeFigures(contract.answers);
  const settlement = contractMoney(contract.answers);
  const amount = (value: typeof figures.base) => ({ amount: toMajor(value), formatted: formatMoney(value) });
  return {
    title: contract.title,
    subtitle: contract.subtitle,
    fileName: `${contract.meta.fileStem}.docx`,
    figures: {
      currency: figures.base.currency,
      base: amount(figures.base),
      deposit: { percent: contract.answers.deposit.percent, ...amount(figures.deposit) },
      balance: amount(figures.balance),
      // With a tax: the same three figures with it added, as the fee table prints them (null without one).
      tax: settlement.tax ? { label: settlement.tax.label, percent: settlement.tax.percent } : null,
      withTax: settlement.tax
        ? { base: amount(settlement.baseBill.total), deposit: amount(settlement.depositBill.total), balance: amount(settlement.balanceBill.total) }
        : null,
    },
    clauses: contract.sections.map((section, index) => ({
      number: index + 1,
      id: section.id,
      variant: section.variant,
      title: section.title,
      note: section.note,
      text: sectionToText(section),
      blocks: section.blocks,
    })),
    answers: contract.answers,
  };
}
