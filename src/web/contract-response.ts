// The assembled contract as JSON: what `Accept: application/json` returns.
import { toMajor } from '../answers/money.ts';
import { formatsFor } from '../language/format.ts';
import { computeFigures } from '../contract/facts.ts';
import { contractMoney } from '../contract/settlement.ts';
import { blocksToText, blockToText } from '../contract/plain-text.ts';
import type { Contract } from '../contract/tree.ts';

export function contractToJson(contract: Contract) {
  const figures = computeFigures(contract.answers);
  const settlement = contractMoney(contract.answers);
  // Formatted as the contract writes it: $6,000.00, or 600,000円 in a Japanese contract.
  const { money } = formatsFor(contract.meta.language ?? 'en');
  const amount = (value: typeof figures.base) => ({ amount: toMajor(value), formatted: money(value) });
  return {
    title: contract.title,
    subtitle: contract.subtitle,
    // The Japanese 前文, before clause 1 and not numbered; absent when the contract has none.
    ...(contract.preamble ? { preamble: contract.preamble.map(blockToText).join('\n\n') } : {}),
    fileName: `${contract.meta.fileStem}.docx`,
    figures: {
      currency: figures.base.currency,
      base: amount(figures.base),
      deposit: { percent: contract.answers.deposit.percent, ...amount(figures.deposit) },
      balance: amount(figures.balance),
      // With a tax: the same three figures with it added, as the fee table prints them (null without one).
      tax: settlement.tax ? { label: settlement.tax.label, percent: settlement.tax.percent } : null,
      withTax: settlement.tax
        ? // Gross: with tax, before any withholding (a Japanese individual's fee table shows that separately).
          { base: amount(settlement.baseBill.gross), deposit: amount(settlement.depositBill.gross), balance: amount(settlement.balanceBill.gross) }
        : null,
    },
    clauses: contract.sections.map((section, index) => ({
      number: index + 1,
      id: section.id,
      variant: section.variant,
      title: section.title,
      note: section.note,
      // Numbered as the Word file numbers it: a Japanese contract's items (号) as (1), (2).
      text: blocksToText(section.blocks, contract.meta.language),
      blocks: section.blocks,
    })),
    answers: contract.answers,
  };
}
