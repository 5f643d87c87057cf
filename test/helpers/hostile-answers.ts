// Answers holding everything a user might paste: markup, quotes, emoji, CJK,
// Hebrew and Arabic, characters XML forbids, a line break and a very long word,
// each field as long as the schema allows.
import { LIMITS, type AnswersInput } from '../../src/answers/schema.ts';
import { sampleInput } from './samples.ts';

export const FORBIDDEN = '\u0001\uFFFE\uFFFF\uD800';

function hostile(limit: number): string {
  const head = `שלום עליכם مرحبا <script>alert("x")</script> &amp; & "quoted" 'single' 😀👩‍💻 契約書の条項 ${FORBIDDEN}\nsecond line `;
  return head + 'W'.repeat(Math.min(10_000, limit - head.length));
}

/** The new-client-fixed sample with every free-text field made hostile. */
export function hostileInput(): AnswersInput {
  const base = sampleInput('new-client-fixed');
  return {
    ...base,
    freelancer: { ...base.freelancer, name: hostile(LIMITS.name), business: hostile(LIMITS.name), title: hostile(LIMITS.title), address: hostile(LIMITS.address) },
    client: { ...base.client, name: hostile(LIMITS.name), business: hostile(LIMITS.name), title: hostile(LIMITS.title), address: hostile(LIMITS.address) },
    project: { ...base.project, name: hostile(LIMITS.projectName), description: hostile(LIMITS.description), deliverables: [hostile(LIMITS.deliverable), hostile(LIMITS.deliverable)] },
    jurisdiction: { ...base.jurisdiction, governingLaw: hostile(LIMITS.jurisdiction), venue: hostile(LIMITS.jurisdiction) },
  };
}
