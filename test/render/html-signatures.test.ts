// The contract's HTML preview signs as the Word file does (issue 25): each
// party's column has the party bound in bold, then the same four lines,
// Signature, Name, Title, Date, so the columns line up whether or not a party
// has a business line; a person signing for a business is named on the Name
// line, and a party without one gets a blank Name line to fill in.
import { describe, expect, it } from 'vitest';
import { answersSchema, type AnswersInput } from '../../src/answers/schema.ts';
import { assembleContract } from '../../src/contract/assemble.ts';
import { loadContractLibrary } from '../../src/contract/library.ts';
import { renderContractHtml } from '../../src/render/html.ts';
import { sampleInput } from '../helpers/samples.ts';

const library = loadContractLibrary();

/** Each signature column as read: its heading, the bold party, and each label with what is on its line. */
function signatureColumns(html: string) {
  const block = html.slice(html.indexOf('<div class="signatures">'));
  return [...block.matchAll(/<div class="signature">(.*?)<\/dl>/gs)].map(([, column]) => ({
    role: /<h3>(.*?)<\/h3>/.exec(column!)?.[1],
    bound: /<strong>(.*?)<\/strong>/.exec(column!)?.[1],
    lines: [...column!.matchAll(/<dt>(.*?)<\/dt><dd class="line"[^>]*>(.*?)<\/dd>/g)].map(([, label, value]) => [label, value]),
  }));
}

describe('the signatures in the HTML preview', () => {
  it('line up: the same four lines in each column, the signer named under a business, a blank Name line for a company alone', () => {
    const input = structuredClone(sampleInput('new-client-fixed')) as AnswersInput & { client: { name: string; business?: string } };
    input.client.name = 'Harbor Coffee Co.';
    delete input.client.business;
    const columns = signatureColumns(renderContractHtml(assembleContract(answersSchema.parse(input), library)));
    expect(columns).toEqual([
      { role: 'Freelancer', bound: 'Lee Studio LLC', lines: [['Signature', ''], ['Name', 'Jordan Lee'], ['Title', ''], ['Date', '']] },
      { role: 'Client', bound: 'Harbor Coffee Co.', lines: [['Signature', ''], ['Name', ''], ['Title', ''], ['Date', '']] },
    ]);
  });
});
