// England and Wales: the last letter before a claim, in the form the court
// expects (a court may penalise in costs a claimant who skipped it).
//
// - A client who is an individual, a sole trader included, gets the letter of
//   claim of the Pre-Action Protocol for Debt Claims (in force 1 October 2017),
//   whose para 3.1 lists what it must say: the amount of the debt; whether
//   interest or other charges are continuing; for a written agreement, its
//   date, its parties and that a copy can be asked for; details of how the debt
//   can be paid and how to proceed to discuss payment options (instalments);
//   the address the Reply Form goes to. It encloses an up-to-date statement of
//   account, the Information Sheet and Reply Form (Annex 1) and a Financial
//   Statement form, and gives 30 days to reply.
//   https://www.justice.gov.uk/courts/procedure-rules/civil/protocol/pre-action-protocol-for-debt-claims
//   (contents as summarised at https://www.lexology.com/library/detail.aspx?g=63b0ad88-cc46-4eb8-bb6b-4722c8091218
//   and https://joannaconnollysolicitors.co.uk/pap/, both citing section 3 of the Protocol).
// - A company (the Protocol does not apply to business-to-business debts) gets a
//   letter before action under the Practice Direction - Pre-Action Conduct and
//   Protocols, para 6(b): 14 days in a straightforward case (the days come from
//   jurisdictions/places/gb-eng.yaml, preAction).
//
// Pure: the figures are the statement of account's own (claim-pack.ts).
import { addDays, formatLongDate } from '../answers/dates.ts';
import { formatMoney, type Money } from '../answers/money.ts';
import type { Answers } from '../answers/schema.ts';
import { safeFileStem } from '../contract/file-name.ts';
import type { Block, Letter, Table } from '../contract/tree.ts';
import { requirePlace } from '../jurisdictions/place-for.ts';
import type { StatementFigures } from './claim-pack.ts';
import { moneyClaimFigures, type InterestLine } from './money-claim.ts';

export type Debtor = 'individual' | 'company';
export type PreActionKind = 'letter-of-claim' | 'letter-before-action';

// Words that end a company's name in England and Wales (Companies Act 2006 ss. 58-59; LLPs: "LLP").
const COMPANY_NAME = /\b(ltd|limited|plc|llp|cyf|cyfyngedig|c\.?i\.?c\.?|inc|incorporated|corp|corporation|gmbh|llc)\.?$/i;

/**
 * Who the client is for the Protocol. A consumer is an individual; a business client is a company when the
 * request says so or its business name ends as a company's must; otherwise an individual trading alone, since
 * sending the Protocol's letter to a company costs 16 days, while a 14-day letter to a sole trader breaks the Protocol.
 */
export function debtorOf(answers: Pick<Answers, 'client'>, stated?: Debtor): Debtor {
  if (answers.client.kind === 'consumer') return 'individual';
  if (stated) return stated;
  return COMPANY_NAME.test((answers.client.business ?? '').trim()) ? 'company' : 'individual';
}

export function preActionKindFor(debtor: Debtor): PreActionKind {
  return debtor === 'individual' ? 'letter-of-claim' : 'letter-before-action';
}

/** Days to reply: 30 under the Protocol, 14 before action against a company (gb-eng.yaml preAction). */
export function replyDays(kind: PreActionKind): number {
  const preAction = requirePlace('England and Wales').preAction!;
  return kind === 'letter-of-claim' ? preAction.consumerDays! : preAction.days;
}

/** A multi-line answer (an address, payment details) on one line of a sentence. */
const oneLine = (text: string, separator: string) => text.split('\n').map((line) => line.trim()).filter(Boolean).join(separator);

const paragraph = (text: string): Block => ({ type: 'paragraph', runs: [{ text }] });
const heading = (text: string): Block => ({ type: 'paragraph', runs: [{ text, bold: true }] });

/**
 * Whether interest or other charges are continuing (Protocol para 3.1), and on what basis. Interest the
 * client owes by law or contract is part of the debt; interest under the County Courts Act s. 69 is the
 * court's to award, so it is named as what the claim will ask for, not as owed.
 */
function continuing(lines: readonly InterestLine[], asOf: string): string {
  const money = (values: readonly Money[]) => formatMoney({ minor: values.reduce((total, value) => total + value.minor, 0), currency: values[0]!.currency });
  const byStatute = lines.filter((line) => line.basis === 'late-payment-act');
  const byContract = lines.filter((line) => line.basis === 'contract');
  const byCourt = lines.filter((line) => line.basis === 'county-courts-act');
  const parts: string[] = [];
  if (byStatute.length > 0) parts.push(`Interest is continuing at ${money(byStatute.map((line) => line.daily!))} a day under the Late Payment of Commercial Debts (Interest) Act 1998 until the debt is paid.`);
  if (byContract.length > 0) parts.push('The late fee of our agreement continues for each further 30 days the debt is unpaid.');
  if (byCourt.length > 0) {
    parts.push(
      `${parts.length === 0 ? 'No interest is being added to the debt now, but if' : 'If'} I have to start a claim, I will ask the court for interest at ` +
        `${byCourt[0]!.percent}% a year under section 69 of the County Courts Act 1984 from each due date: ${money(byCourt.map((line) => line.interest))} ` +
        `to ${formatLongDate(asOf)}, and ${money(byCourt.map((line) => line.daily!))} a day after that.`,
    );
  }
  return parts.length > 0 ? parts.join(' ') : 'No interest or other charges are being added to the debt.';
}

export interface PreActionInput {
  readonly answers: Answers;
  readonly figures: StatementFigures;
  /** The date of the letter (the statement's day). */
  readonly asOf: string;
  readonly debtor?: Debtor;
}

/** The letter of claim (an individual) or the letter before action (a company), as a letter tree. */
export function preActionLetter({ answers, figures, asOf, debtor: stated }: PreActionInput): Letter {
  const debtor = debtorOf(answers, stated);
  const kind = preActionKindFor(debtor);
  const days = replyDays(kind);
  const claim = moneyClaimFigures(figures, asOf);
  const date = formatLongDate;
  const project = answers.project.name;
  const me = answers.freelancer.business ?? answers.freelancer.name;
  const you = answers.client.business ?? answers.client.name;
  const replyBy = date(addDays(asOf, days));
  // What is owed now: the debt, the fixed sums and the interest the Act or the agreement gives (not s. 69's, the court's to award).
  const owedInterest = claim.interest.filter((line) => line.basis !== 'county-courts-act');
  const owed = formatMoney({ minor: claim.amountClaimed.minor + owedInterest.reduce((total, line) => total + line.interest.minor, 0), currency: claim.amountClaimed.currency });

  const invoices: Table = {
    type: 'table',
    caption: 'How the debt is made up',
    header: ['Item', 'Amount'],
    rows: [
      ...figures.accounts
        .filter((account) => account.outstanding.minor > 0)
        .map((account) => ({
          label: `Invoice ${account.number}, sent ${date(account.issuedOn)}, due ${date(account.dueDate)}${account.paid.minor > 0 ? ` (${formatMoney(account.invoiced)} less ${formatMoney(account.paid)} paid)` : ''}`,
          value: formatMoney(account.outstanding),
        })),
      ...(claim.compensation.minor > 0 ? [{ label: 'Fixed compensation for the costs of recovery (Late Payment of Commercial Debts (Interest) Act 1998 s. 5A)', value: formatMoney(claim.compensation) }] : []),
      ...owedInterest.map((line) => ({
        label: line.basis === 'contract'
          ? `Late fee under our agreement on invoice ${line.invoice}`
          : `Interest on invoice ${line.invoice} at ${line.percent}% a year from ${date(addDays(line.from, 1))} (Late Payment of Commercial Debts (Interest) Act 1998)`,
        value: formatMoney(line.interest),
      })),
      { label: `Total owed on ${date(asOf)}`, value: owed, emphasis: true },
    ],
  };

  const agreement = `The debt arises from our written agreement dated ${date(answers.effectiveDate)} between ${me} and ${you} for ${project}. You can ask me for a copy of the agreement, and of any invoice, at any time.`;
  const howToPay = answers.fee.paymentMethod ? `You can pay as the invoices say: ${oneLine(answers.fee.paymentMethod, '; ')}.` : 'You can pay as the invoices say.';
  const contact = `${oneLine(answers.freelancer.address, ', ')} (email ${answers.freelancer.email})`;

  const blocks: Block[] = kind === 'letter-of-claim'
    ? [
        paragraph(`I am writing about the money you owe me for ${project}. This is a Letter of Claim under the Pre-Action Protocol for Debt Claims. Unless the debt is paid, or we agree how it will be paid, I may start court proceedings against you.`),
        heading('The debt'),
        paragraph(`You owe me ${owed} on ${date(asOf)}. The table below, and the statement of account I enclose, show how that amount is made up.`),
        invoices,
        paragraph(continuing(claim.interest, asOf)),
        paragraph(agreement),
        heading('How to pay, and paying by instalments'),
        paragraph(`${howToPay} If you cannot pay the whole amount at once, you can offer to pay it by instalments: tell me how much you can pay and how often, on the Reply Form, and send a Financial Statement with it so that I can consider your offer. You can also call me on ${answers.freelancer.phone} to talk about how to pay.`),
        heading('What you need to do'),
        paragraph(`Please read the Information Sheet I enclose, fill in the Reply Form and send it to me at ${contact} within 30 days of the date of this letter, that is by ${replyBy}. If you dispute the debt, say why on the Reply Form and ask for any document you need.`),
        paragraph('You can get free and independent debt advice, for example from the organisations the Information Sheet lists. If you tell me on the Reply Form that you are getting advice, I will give you a reasonable time to get it before I take any further step.'),
        paragraph(`If you do not reply by ${replyBy}, I may start a claim in the County Court without writing to you again. If the court finds for me, you may also have to pay the court fee and interest.`),
      ]
    : [
        paragraph(`I am writing about the money ${you} owes me for ${project}. This is a letter before action, sent under the Practice Direction on Pre-Action Conduct and Protocols.`),
        heading('The debt'),
        paragraph(`${you} owes me ${owed} on ${date(asOf)}, made up as follows.`),
        invoices,
        paragraph(continuing(claim.interest, asOf)),
        paragraph(agreement),
        heading('What you need to do'),
        paragraph(`${howToPay} Please pay the full amount, or reply to me at ${contact} saying why you do not agree it is owed, within ${days} days, that is by ${replyBy}.`),
        paragraph(`If I have neither payment nor a reply by ${replyBy}, I intend to start a claim in the County Court for ${owed}, with further interest and the court fee (${formatMoney(claim.courtFee)} for a claim of this size), without further notice.`),
      ];

  const title = kind === 'letter-of-claim' ? 'Letter of Claim (Pre-Action Protocol for Debt Claims)' : 'Letter before action';
  return {
    kind,
    answers,
    meta: {
      title: `${title}: ${project}`,
      subject: `${title}: ${project}`,
      author: answers.freelancer.business ?? answers.freelancer.name,
      projectName: project,
      fileStem: safeFileStem(`${project} ${kind}`),
      keywords: `letter, claim, ${kind}`,
      paperSize: answers.paperSize,
      language: 'en',
    },
    sender: { name: answers.freelancer.name, business: answers.freelancer.business, address: answers.freelancer.address, email: answers.freelancer.email, phone: answers.freelancer.phone },
    date: date(asOf),
    recipient: { name: answers.client.name, business: answers.client.business, address: answers.client.address, email: answers.client.email, phone: answers.client.phone },
    subject: `${title}: ${project}`,
    salutation: `Dear ${answers.client.name},`,
    blocks,
    closing: 'Yours sincerely,',
    signature: { name: answers.freelancer.name, business: answers.freelancer.business },
    enclosures: kind === 'letter-of-claim'
      ? [
          'Enclosures: statement of account;',
          'Information Sheet and Reply Form (Annex 1 to the Pre-Action Protocol for Debt Claims);',
          'Financial Statement form (the Standard Financial Statement)',
        ]
      : ['Enclosure: statement of account'],
  };
}
