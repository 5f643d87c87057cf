// The signed contract as the parties read it: the contract as sent, with
// "/s/ Name", the date and "signed electronically" where they would have
// signed on paper, and the certificate as the last section. In Japanese the
// closing says each keeps the electronic record, no 印 is left to stamp and
// no 収入印紙 note remains, since an electronic contract makes no taxable paper.
import { describe, expect, it } from 'vitest';
import { assembleContract } from '../../src/contract/assemble.ts';
import { loadContractLibrary } from '../../src/contract/library.ts';
import { sectionToText } from '../../src/contract/plain-text.ts';
import { certificateOf } from '../../src/engagements/certificate.ts';
import { newEngagement } from '../../src/engagements/engagement.ts';
import { nextEvent, type EngagementEvent, type NewEvent } from '../../src/engagements/events.ts';
import { sealRecord } from '../../src/engagements/seal.ts';
import { signedContract } from '../../src/engagements/signed-contract.ts';
import { answersSchema } from '../../src/answers/schema.ts';
import { JA_SAMPLE_NAMES, SAMPLE_NAMES, sampleAnswers } from '../helpers/samples.ts';
import { testKey } from './record-helpers.ts';

const library = loadContractLibrary();
const visitor = { address: '203.0.113.7', userAgent: 'test' };

function signedOf(sample: string) {
  const answers = sampleAnswers(sample);
  const engagement = newEngagement({ answers: answers as unknown as Record<string, unknown>, language: answers.language, document: new Uint8Array([1, 2, 3]), at: new Date('2027-04-01T00:30:00Z'), retentionYears: 7 });
  const consent = 'I agree.';
  const newEvents: NewEvent[] = [
    { type: 'created', at: new Date('2027-04-01T00:30:00Z'), data: { documentHash: engagement.documentHash, version: 1 } },
    { type: 'signed', at: new Date('2027-04-01T00:31:00Z'), data: { ...visitor, party: 'freelancer', name: answers.freelancer.name, consent, documentHash: engagement.documentHash } },
    // 23:50 UTC on March 31 is already April 1 in Tokyo: the date printed is the parties' own.
    { type: 'signed', at: new Date('2027-03-31T23:50:00Z'), data: { ...visitor, party: 'client', name: answers.client.name, consent, documentHash: engagement.documentHash } },
    { type: 'completed', at: new Date('2027-04-01T00:40:00Z'), data: { documentHash: engagement.documentHash } },
  ];
  const events: EngagementEvent[] = [];
  for (const event of newEvents) events.push(nextEvent(engagement.id, events.at(-1), event));
  const seal = sealRecord({ engagementId: engagement.id, documentHash: engagement.documentHash, events }, testKey(), new Date('2027-04-01T00:40:00Z'));
  const contract = assembleContract(answers, library);
  return { answers, engagement, contract, signed: signedContract(contract, certificateOf(engagement, events, seal)) };
}

describe('the signed contract', () => {
  it('fills both signature lines with "/s/", the date and "signed electronically", and ends with the certificate', () => {
    const { answers, contract, signed, engagement } = signedOf('new-client-fixed');
    const signatures = sectionToText(signed.sections.find((section) => section.id === 'signatures')!);
    expect(signatures).toContain(`Signature: /s/ ${answers.freelancer.name} (signed electronically)`);
    expect(signatures).toContain(`Signature: /s/ ${answers.client.name} (signed electronically)`);
    expect(signatures).toContain('Date: April 1, 2027');
    expect(signatures).toContain('Date: March 31, 2027');
    expect(signed.sections).toHaveLength(contract.sections.length + 1);
    const certificate = signed.sections.at(-1)!;
    expect(certificate.title).toBe('Signature certificate');
    const text = sectionToText(certificate);
    expect(text).toContain(engagement.documentHash);
    expect(text).toContain('2027-03-31 23:50:00 UTC');
    expect(text).toContain('Sealed at 2027-04-01T00:40:00.000Z');
  });

  it('leaves the contract as sent otherwise: every clause before the signatures reads the same', () => {
    const { contract, signed } = signedOf('new-client-fixed');
    const before = (sections: typeof contract.sections) => sections.filter((section) => section.id !== 'signatures').slice(0, contract.sections.length - 1).map(sectionToText);
    expect(before(signed.sections)).toEqual(before(contract.sections));
  });

  it('in Japanese: the electronic closing, "/s/" where 印 was, the date in Japan, and no 収入印紙 note', () => {
    const { answers, contract, signed } = signedOf('ja/tokyo-fixed');
    const original = sectionToText(contract.sections.find((section) => section.id === 'signatures')!);
    expect(original).toContain('印紙');
    const text = sectionToText(signed.sections.find((section) => section.id === 'signatures')!);
    expect(text).toContain('本書の電磁的記録を作成し');
    expect(text).not.toContain('本書2通を作成し');
    expect(text).not.toContain('印紙');
    expect(text).not.toMatch(/\u3000印(\n|$)/);
    expect(text).toContain(`/s/ ${answers.freelancer.name}　2027年4月1日　電子契約により締結`);
    expect(text).toContain(`/s/ ${answers.client.name}　2027年4月1日　電子契約により締結`);
    expect(signed.sections.at(-1)!.title).toBe('電子署名証明書');
    expect(sectionToText(signed.sections.at(-1)!)).toContain('2027-04-01 08:50:00 Asia/Tokyo');
  });
});

describe('frozen answers', () => {
  it.each([...SAMPLE_NAMES, ...JA_SAMPLE_NAMES])('%s: stored as JSON and read back, they give the same answers, so the signed file is the contract sent', (name) => {
    const sent = sampleAnswers(name);
    expect(answersSchema.parse(JSON.parse(JSON.stringify(sent)))).toEqual(sent);
  });
});
