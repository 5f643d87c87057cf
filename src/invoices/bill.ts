// Which bill an invoice kind asks for, and when it is due: the same in every
// language. Every figure comes from the settlement model
// (contract/settlement.ts); the language's edition only says how the late fee
// is counted (per full 30 days in English, by the day at a yearly rate in the
// Japanese contract) and words the result.
import type { Answers } from '../answers/schema.ts';
import { addDays } from '../answers/dates.ts';
import {
  balanceBill,
  depositBill,
  ending,
  hoursBill,
  retainerMonthBill,
  retainerMonthDue,
  retainerMonthStart,
  type Bill,
  type Ending,
  type LateFigures,
} from '../contract/settlement.ts';
import type { InvoiceFields } from './request.ts';
import type { InvoiceFigures, LateStatute } from './tree.ts';

/** A contract's late-fee rule: the bill resent on `onDate` after missing `dueDate`. */
export type LateFeeRule = (answers: Answers, bill: Bill, dueDate: string, onDate: string) => { bill: Bill; late: LateFigures & LateStatute };

/** The bill a kind asks for, with the late fee added when the invoice is resent after its due date. */
export function billFor(answers: Answers, invoice: InvoiceFields, lateFee: LateFeeRule): { bill: Bill; ending?: Ending; late?: InvoiceFigures['late'] } {
  const { expenses } = invoice;
  let bill: Bill;
  let ended: Ending | undefined;
  switch (invoice.kind) {
    case 'deposit':
      bill = depositBill(answers);
      break;
    case 'balance':
      bill = balanceBill(answers, { expenses });
      break;
    case 'hours':
      bill = hoursBill(answers, invoice.hours!, { final: invoice.final, expenses });
      break;
    case 'retainer':
      bill = retainerMonthBill(answers, { expenses, firstMonth: invoice.month === answers.project.startDate.slice(0, 7) });
      break;
    case 'ending':
      // Only an ending the Client caused is invoiced: one the Freelancer caused refunds rather than bills.
      ended = ending(answers, {
        cause: 'client',
        workDoneAmount: invoice.workDoneAmount,
        hoursWorked: invoice.hoursWorked,
        noticeDaysGiven: invoice.noticeDaysGiven,
        paymentsMade: invoice.paymentsMade,
        expenses,
      });
      bill = ended.bill;
      break;
  }
  if (!invoice.lateFeeSince) return { bill, ending: ended };
  const resent = lateFee(answers, bill, invoice.lateFeeSince, invoice.issuedOn);
  return { bill: resent.bill, ending: ended, late: { ...resent.late, since: invoice.lateFeeSince } };
}

/** The first day of the month an invoice pays for: the start date in the first month (the settlement model's rule). */
export const monthStart = retainerMonthStart;

/** The due date: given, or as the contract says for the kind; a resent invoice is due on receipt. */
export function dueDateFor(answers: Answers, invoice: InvoiceFields): string {
  if (invoice.dueDate) return invoice.dueDate;
  if (invoice.lateFeeSince) return invoice.issuedOn;
  switch (invoice.kind) {
    case 'deposit':
      return invoice.issuedOn;
    case 'retainer':
      // The contract's own rule for a month paid in advance (settlement.ts), so the two never differ.
      return retainerMonthDue(answers, invoice.month!, invoice.issuedOn);
    default:
      return addDays(invoice.issuedOn, answers.fee.paymentDueDays);
  }
}
