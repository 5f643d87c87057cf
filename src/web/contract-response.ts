// The assembled contract as JSON: what `Accept: application/json` returns.
import { formatMoney, toMajor } from '../answers/money.ts';
import { computeFigures } from '../contract/facts.ts';
import { sectionToText } from '../contract/plain-text.ts';
import type { Contract } from '../contract/tree.ts';

export function contractToJson(contract: Contract) {
  const figures = computeFigures(contract.answers);
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
