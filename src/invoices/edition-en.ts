// The English invoice: (invoice request) -> Invoice tree. Every figure comes
// from the settlement model (contract/settlement.ts) through bill.ts; this
// file only words the lines, the due date and the sentences. Pure and
// synchronous.
import type { Answers, Party } from '../answers/schema.ts';
import { addDays, formatLongDate } from '../answers/dates.ts';
import { formatMoney, formatPercent, money, toMajor } from '../answers/money.ts';
import { lateCharges, statutoryCompensationLabel, statutoryInterestLabel } from '../claims/late-charges.ts';
import {
  contractMoney,
  depositCreditedOn,
  firstLateFeeDate,
  REFUND_DAYS,
  unusedDepositBill,
  withLateCharges,
  withLateFee,
  type Bill,
  type BillLine,
  type Ending,
} from '../contract/settlement.ts';
import { safeFileStem } from '../contract/file-name.ts';
import type { Block, PartyDetails, Table } from '../contract/tree.ts';
import { billFor, dueDateFor, type LateFeeRule } from './bill.ts';
import { formatsFor } from '../language/format.ts';
import type { InvoiceFields, InvoiceKind, InvoiceRequest } from './request.ts';
import type { Invoice, InvoiceFigures, InvoiceLinesTable } from './tree.ts';

const monthName = formatsFor('en').month;

// The English contract's late fee: its monthly percentage for each full 30 days; or, where a statute of the
// contract's place charges interest instead (src/claims/late-charges.ts), the statute's interest, and its fixed
// compensation, each a line of its own naming the statute. Never both the fee and the interest.
const monthlyLateFee: LateFeeRule = (answers, bill, dueDate, onDate) => {
  const charges = lateCharges(answers, { amount: toMajor(bill.total), dueDate }, onDate);
  const { statutory } = charges;
  if (!statutory) return withLateFee(bill, answers.fee.lateFeePercentPerMonth, dueDate, onDate);
  const withFee = charges.chargesContractFee ? withLateFee(bill, answers.fee.lateFeePercentPerMonth, dueDate, onDate) : { bill, late: { ...charges.contract, lateFee: money(0, bill.currency) } };
  const extra = [
    ...(charges.chargesContractFee ? [] : [{ kind: 'statutory-interest' as const, label: statutoryInterestLabel(statutory), amount: statutory.interest }]),
    ...(statutory.compensation ? [{ kind: 'statutory-compensation' as const, label: statutoryCompensationLabel(statutory), amount: statutory.compensation }] : []),
  ];
  return { bill: withLateCharges(withFee.bill, extra), late: { ...withFee.late, statutory, chargesContractFee: charges.chargesContractFee } };
};

const KIND_TITLES: Readonly<Record<InvoiceKind, string>> = {
  deposit: 'Deposit invoice',
  balance: 'Balance invoice',
  hours: 'Invoice for hours worked',
  retainer: 'Retainer invoice',
  ending: 'Invoice on the ending of the agreement',
};

const legalName = (party: Party) => party.business ?? party.name;
const paragraph = (text: string): Block => ({ type: 'paragraph', runs: [{ text }] });
const daysAfter = (days: number) => `${days} ${days === 1 ? 'day' : 'days'} after the invoice date`;

/** "on receipt, and before work starts on December 7, 2026"; "by March 12, 2027 (14 days after the invoice date)". */
function dueText(answers: Answers, invoice: InvoiceFields, dueDate: string): string {
  const { startDate } = answers.project;
  if (invoice.dueDate) return dueDate === invoice.issuedOn ? 'on receipt' : `by ${formatLongDate(dueDate)}`;
  if (invoice.lateFeeSince) return 'on receipt: it is already overdue';
  switch (invoice.kind) {
    case 'deposit':
      return invoice.issuedOn < startDate ? `on receipt, and before work starts on ${formatLongDate(startDate)}` : 'on receipt: work starts when it is paid';
    case 'retainer':
      return dueDate === invoice.issuedOn ? 'on receipt, as each month is paid in advance' : `by ${formatLongDate(dueDate)}, in advance of the month`;
    default:
      return answers.fee.paymentDueDays === 0 ? 'on receipt' : `by ${formatLongDate(dueDate)} (${daysAfter(answers.fee.paymentDueDays)})`;
  }
}

/** A line as the invoice prints it: the settlement model's label, with what it is for where that helps. */
function describeLine(answers: Answers, invoice: InvoiceFields, line: BillLine, ended?: Ending): string {
  const figures = contractMoney(answers);
  const { fee } = answers;
  if (line.kind === 'deposit') {
    const of = fee.model === 'fixed' ? `of the ${formatMoney(figures.base)} price` : fee.model === 'hourly' ? `of the ${formatMoney(figures.base)} estimated fee` : `of the ${formatMoney(figures.base)} monthly retainer`;
    return figures.inFull ? `${line.label}: payment in full ${fee.model === 'retainer' ? 'for the first month' : 'before work begins'}` : `${line.label} ${of}, before work starts`;
  }
  if (line.kind === 'deposit-credit' && ended && ended.depositCredited.minor < ended.deposit.minor) {
    return `Deposit paid (${formatMoney(ended.deposit)}), credited up to what is owed`;
  }
  if (line.kind === 'kill-fee' && ended) return `${line.label} (${formatMoney(ended.feeNotEarned)})`;
  if (line.kind === 'balance') return `Balance of the ${formatMoney(figures.base)} price, less the ${formatMoney(figures.deposit)} deposit`;
  if (line.kind === 'fee' && invoice.kind === 'hours' && fee.model === 'hourly') return `${line.label} of ${formatMoney(money(fee.rate, fee.currency))}`;
  if (line.kind === 'fee' && invoice.kind === 'retainer' && invoice.month) return `Monthly retainer for ${monthName(invoice.month)}, paid in advance`;
  return line.label;
}

function linesTable(answers: Answers, invoice: InvoiceFields, bill: Bill, ended?: Ending): InvoiceLinesTable {
  const totals: { label: string; value: string; emphasis?: boolean }[] = [];
  const hasTax = bill.taxes.length > 0;
  if (hasTax || bill.deductions.length > 0) totals.push({ label: 'Net', value: formatMoney(bill.net) });
  for (const tax of bill.taxes) totals.push({ label: `${tax.label} (${formatPercent(tax.percent)} of ${formatMoney(tax.base)})`, value: formatMoney(tax.amount) });
  for (const deduction of bill.deductions) totals.push({ label: deduction.label, value: formatMoney(deduction.amount) });
  totals.push({ label: 'Total due', value: formatMoney(bill.total), emphasis: true });
  return {
    type: 'invoice-lines',
    caption: `Invoice ${invoice.number} (${bill.currency})`,
    header: ['No.', 'Description', 'Amount'],
    lines: bill.lines.map((line, index) => ({ number: index + 1, description: describeLine(answers, invoice, line, ended), amount: formatMoney(line.amount) })),
    totals,
  };
}

/**
 * On the final invoice of hourly work, the part of the deposit the hours did not use: refunded by
 * a date (issue 23 point 7), since no later invoice is left to credit it against.
 */
function unusedDepositSentence(answers: Answers, invoice: InvoiceFields, bill: Bill): string {
  if (invoice.kind !== 'hours' || !invoice.final) return '';
  const back = unusedDepositBill(answers, bill);
  const withTax = back.gross.minor > back.net.minor ? `, with the ${back.taxes[0]!.label} paid on it (${formatMoney(back.total)} in all),` : '';
  return ` The unused ${formatMoney(back.net)}${withTax} is refunded to the Client by ${formatLongDate(addDays(invoice.issuedOn, REFUND_DAYS))}.`;
}

function notesFor(answers: Answers, invoice: InvoiceFields, figures: InvoiceFigures, due: string): Block[] {
  // An invoice that asks for nothing (an ending the deposit covers) says so instead of asking to be paid.
  const owes = figures.bill.total.minor > 0;
  const notes: Block[] = owes ? [paragraph(`Payment is due ${due}.`)] : figures.ending ? [] : [paragraph('Nothing is to be paid on this invoice.')];
  const { fee } = answers;
  const contract = contractMoney(answers);
  const deposit = formatMoney(contract.deposit);
  if (invoice.kind === 'deposit') {
    // As the contract says it: non-refundable only as far as work done and kill fee use it (issue 23 point 7).
    const keeps = answers.deposit.nonRefundable
      ? ` It is non-refundable up to the work done${answers.killFee.percentOfRemainingFee > 0 ? ' and the kill fee' : ''}; any part of it not used so is credited against what is owed or refunded within ${REFUND_DAYS} days.`
      : '';
    const creditedOn = fee.model === 'retainer' ? 'the first month\'s retainer' : 'the final invoice';
    notes.push(paragraph(contract.inFull ? `Work starts on receipt of this payment.${keeps}` : `Work starts on receipt of this deposit. It is credited against ${creditedOn}.${keeps}`));
  }
  const credited = depositCreditedOn(figures.bill);
  if ((invoice.kind === 'hours' || invoice.kind === 'retainer') && credited.minor > 0) {
    notes.push(
      paragraph(
        credited.minor < contract.deposit.minor
          ? `The deposit paid (${deposit}) is more than this invoice: ${formatMoney(credited)} of it is credited here.${unusedDepositSentence(answers, invoice, figures.bill)}`
          : `The deposit paid (${deposit}) is credited on this invoice.`,
      ),
    );
  }
  if (invoice.kind === 'hours' && invoice.final && credited.minor === 0) notes.push(paragraph('This is the final invoice for the project.'));
  if (figures.ending) notes.push(...endingNotes(answers, figures.ending));
  if (figures.late) {
    const { late } = figures;
    const lateSentence = `This invoice was due on ${formatLongDate(late.since)} and is ${late.daysLate} ${late.daysLate === 1 ? 'day' : 'days'} overdue.`;
    const statutory = late.statutory;
    const statuteSentence = statutory && late.chargesContractFee === false
      ? ` Under the ${statutory.statute}, statutory interest at ${statutory.rateText} from ${formatLongDate(statutory.since)} is added${fee.lateFeePercentPerMonth > 0 ? ", instead of the Agreement's late fee" : ''}${statutory.compensation ? ', with its fixed compensation for recovery costs' : ''}.`
      : statutory?.compensation
        ? ` Under the ${statutory.statute}, its fixed compensation for recovery costs is added.`
        : '';
    notes.push(
      paragraph(
        late.chargesContractFee === false
          ? `${lateSentence}${statuteSentence}`
          : late.lateFee.minor > 0
            ? `${lateSentence} As the Agreement provides, a late fee of ${formatPercent(fee.lateFeePercentPerMonth)} of ${formatMoney(late.amount)} is added for each full 30 days overdue.${statuteSentence}`
            : fee.lateFeePercentPerMonth > 0
              ? `${lateSentence} A late fee of ${formatPercent(fee.lateFeePercentPerMonth)} a month is owed from ${formatLongDate(firstLateFeeDate(late.since))}.${statuteSentence}`
              : `${lateSentence}${statuteSentence}`,
      ),
    );
  }
  if (!owes) return notes;
  const howToPay = invoice.howToPay ?? fee.paymentMethod;
  notes.push(
    howToPay
      ? { type: 'paragraph', runs: [{ text: 'How to pay: ', bold: true }, { text: howToPay }] }
      : { type: 'paragraph', runs: [{ text: 'How to pay: ', bold: true }, { text: `ask ${answers.freelancer.name} at ${answers.freelancer.email} or ${answers.freelancer.phone} for payment details.` }] },
  );
  notes.push(paragraph(`Please quote invoice ${invoice.number} with your payment.`));
  return notes;
}

/** What happens to the deposit at an ending, said plainly (the article: the deposit is kept). */
function endingNotes(answers: Answers, result: Ending): Block[] {
  const notes: Block[] = [
    paragraph(
      'The Agreement has ended in a way the Client caused (by notice, for non-payment or for silence). As the Agreement provides, this invoice bills the work done' +
        (result.expenses.minor > 0 ? ' and the approved expenses' : '') +
        (result.killFee.minor > 0 ? `, plus the kill fee of ${formatPercent(result.killFeePercent)} of the fee not yet earned (${formatMoney(result.feeNotEarned)})` : '') +
        (result.deposit.minor > 0 ? ', less the deposit paid.' : '.'),
    ),
  ];
  if (result.bill.total.minor === 0 && result.deposit.minor > 0) {
    notes.push(paragraph(`Nothing further is owed: the deposit of ${formatMoney(result.deposit)} covers the ${formatMoney(result.earned)} owed.`));
  }
  // The settlement model refunds what is paid beyond work done and kill fee (issue 23 point 7): said in words, with the contract's days.
  const otherRefund = { minor: result.refund.minor - result.depositRefunded.minor, currency: result.currency };
  if (result.depositRefunded.minor > 0) {
    notes.push(paragraph(`The rest of the deposit, ${formatMoney(result.depositRefunded)}, is more than the work done and the kill fee: it is refunded to the Client within ${REFUND_DAYS} days.`));
  }
  if (otherRefund.minor > 0) {
    notes.push(paragraph(`${formatMoney(otherRefund)} paid beyond what is owed is refunded to the Client within ${REFUND_DAYS} days.`));
  }
  // The tax paid with what goes back goes back too: on the part refunded, and on a deposit credited
  // against a kill fee that bears no tax (the settlement model's refund bill).
  const back = result.refundBill;
  if (back && result.taxRefunded.minor > 0) {
    // Tax goes back only where the contract charges it: its refund bill then has the contract's rate.
    const label = back.taxes[0]!.label;
    notes.push(
      paragraph(
        result.refund.minor > 0
          ? `With the ${label} paid on it, the refund is ${formatMoney(back.total)} in all.`
          : `The kill fee bears no ${label}: the ${label} paid with the deposit on the part of it credited against the kill fee, ${formatMoney(result.taxRefunded)}, is refunded to the Client within ${REFUND_DAYS} days.`,
      ),
    );
  }
  return notes;
}

function partyDetails(role: string, party: Party): PartyDetails {
  return { role, name: party.name, business: party.business, address: party.address, email: party.email, phone: party.phone };
}

export function assembleEnglishInvoice(request: InvoiceRequest): Invoice {
  const { answers, invoice } = request;
  const project = answers.project.name;
  const { bill, ending: ended, late } = billFor(answers, invoice, monthlyLateFee);
  const dueDate = dueDateFor(answers, invoice);
  const due = bill.total.minor > 0 ? dueText(answers, invoice, dueDate) : 'nothing to pay';
  const figures: InvoiceFigures = { bill, issuedOn: invoice.issuedOn, dueDate, late, ending: ended };
  const kindTitle = invoice.kind === 'retainer' && invoice.month ? `${KIND_TITLES.retainer} for ${monthName(invoice.month)}` : KIND_TITLES[invoice.kind];
  const dueCapital = due.charAt(0).toUpperCase() + due.slice(1);
  const details: Table = {
    type: 'table',
    caption: 'Invoice details',
    header: ['Item', 'Detail'],
    rows: [
      { label: 'Invoice number', value: invoice.number },
      { label: 'Invoice date', value: formatLongDate(invoice.issuedOn) },
      { label: 'Due', value: dueCapital, emphasis: true },
      { label: 'Project', value: project },
      { label: 'Agreement', value: `Freelance Services Agreement effective ${formatLongDate(answers.effectiveDate)}` },
    ],
  };
  const title = `Invoice ${invoice.number}`;
  const subtitle = `${kindTitle}: ${project}`;
  const { freelancer } = answers;
  return {
    kind: invoice.kind,
    language: 'en',
    meta: {
      title: `${title}: ${project}`,
      subject: subtitle,
      author: legalName(freelancer),
      projectName: project,
      fileStem: safeFileStem(`${project} invoice ${invoice.number}`),
      keywords: `invoice, ${invoice.kind}`,
      paperSize: answers.paperSize,
      language: 'en',
    },
    title,
    subtitle,
    number: invoice.number,
    reference: { projectName: project, effectiveDate: answers.effectiveDate },
    // The supplier's VAT number under its details: a VAT invoice must show it (VAT Regulations 1995, reg. 14(1)(c)).
    head: [{ type: 'parties', parties: [{ ...partyDetails('From', freelancer), ...(answers.freelancer.vatNumber ? { vatNumber: answers.freelancer.vatNumber } : {}) }, partyDetails('Bill to', answers.client)] }, details],
    due: dueCapital,
    lines: linesTable(answers, invoice, bill, ended),
    deductionDescriptions: bill.deductions.map((line) => line.label),
    notes: notesFor(answers, invoice, figures, due),
    email: {
      subject: `Invoice ${invoice.number}: ${project}, ${bill.total.minor > 0 ? `${formatMoney(bill.total)} due ${dueDate === invoice.issuedOn ? 'on receipt' : `by ${formatLongDate(dueDate)}`}` : 'nothing to pay'}`,
      salutation: `Dear ${answers.client.name},`,
      intro: `Please find below invoice ${invoice.number} (${subtitle}).`,
      closing: 'Best regards,',
      signature: [freelancer.name, ...(freelancer.business ? [freelancer.business] : []), `${freelancer.email} | ${freelancer.phone}`, ...(answers.freelancer.vatNumber ? [`VAT number: ${answers.freelancer.vatNumber}`] : [])],
    },
    figures,
  };
}
