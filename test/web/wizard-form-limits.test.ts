// What a visitor (or an attacker with a valid form) can post to a step:
// any button's action on any step never breaks the server, and a step too
// large for the schema is refused before the draft keeps any of it.
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS, rawTextLimit } from '../../src/answers/schema.ts';
import { STEPS } from '../../src/web/wizard/steps.ts';
import { InjectVisitor } from '../helpers/inject-visitor.ts';
import { buildTestApp } from '../helpers/test-app.ts';

let app: FastifyInstance;

beforeAll(async () => {
  // Room for a 1 MB field and 45,000 deliverables in one body: the wizard's own caps must refuse them, not the body limit.
  app = await buildTestApp({ bodyLimitBytes: 4 * 1_048_576 });
});
afterAll(async () => {
  await app.close();
});

const draftIdOf = (stepUrl: string) => stepUrl.split('/')[2]!;
const storedSize = async (stepUrl: string) => JSON.stringify((await app.drafts.get(draftIdOf(stepUrl)))!.answers).length;

// The actions the step pages' buttons send, and some no page sends.
const KNOWN_ACTIONS = ['add-deliverable', 'save-later', 'docx', 'email'];
const OTHER_ACTIONS = ['', 'delete', '__proto__', 'add-deliverable\u0000', 'x'.repeat(300)];

describe('form actions on the wizard steps', () => {
  it('answers every known and unknown action on every step of a fresh draft without a server error', async () => {
    expect.hasAssertions();
    const visitor = new InjectVisitor(app);
    const first = await visitor.start();
    const base = first.replace(/\/[^/]+$/, '');
    await visitor.get(first);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...STEPS.map((step) => step.id)),
        fc.oneof(fc.constantFrom(...KNOWN_ACTIONS, ...OTHER_ACTIONS), fc.string({ maxLength: 40 })),
        fc.boolean(),
        async (stepId, action, twice) => {
          const response = await visitor.post(`${base}/${stepId}`, { action: twice ? [action, action] : action });
          expect(response.statusCode, `${stepId} action=${JSON.stringify(action)}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('treats "add another deliverable" on a step without a list as saving the step', async () => {
    const visitor = new InjectVisitor(app);
    const first = await visitor.start();
    await visitor.get(first);
    const response = await visitor.submit(first, { action: 'add-deliverable' });
    // The first step asks for your details: sent empty, it is shown again with its problems.
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('There is a problem');
  });
});

describe('what a draft may hold', () => {
  async function projectStep() {
    const visitor = new InjectVisitor(app);
    const first = await visitor.start();
    const url = first.replace(/\/[^/]+$/, '/project');
    await visitor.get(url);
    return { visitor, url };
  }

  it('refuses 45,000 deliverables with the schema message, keeping nothing of them', async () => {
    const { visitor, url } = await projectStep();
    const response = await visitor.submit(url, { 'project.name': 'Site', 'project.deliverables': Array.from({ length: 45_000 }, (_, i) => `d${i}`) });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain(`Enter at most ${LIMITS.deliverables} deliverables`);
    // The page shows at most the list's limit again, not the 45,000 sent.
    expect(response.body).not.toContain('d51"');
    expect(await storedSize(url)).toBeLessThan(2_000);
  });

  it('keeps a list at the limit (50 deliverables)', async () => {
    const { visitor, url } = await projectStep();
    await visitor.post(url, { 'project.deliverables': Array.from({ length: LIMITS.deliverables }, (_, i) => `d${i}`) });
    const draft = await app.drafts.get(draftIdOf(url));
    expect((draft!.answers.project as { deliverables: string[] }).deliverables).toHaveLength(LIMITS.deliverables);
  });

  it('refuses a 1 MB description naming the field, and does not save the rest of the step either', async () => {
    const { visitor, url } = await projectStep();
    const response = await visitor.submit(url, { 'project.name': 'Site', 'project.description': 'a'.repeat(1_048_576) });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('What the project is must be 20,000 characters or fewer');
    expect(response.body.length).toBeLessThan(200_000);
    expect(await storedSize(url)).toBeLessThan(2_000);
    expect((await app.drafts.get(draftIdOf(url)))!.answers.project).toBeUndefined();
  });

  it('keeps a project name at the raw limit (the schema then asks to shorten it) and refuses one character more unsaved', async () => {
    const { visitor, url } = await projectStep();
    const atLimit = 'n'.repeat(rawTextLimit(LIMITS.projectName));
    const kept = await visitor.submit(url, { 'project.name': atLimit });
    expect(kept.statusCode).toBe(200);
    expect(kept.body).toContain('Project name must be 200 characters or fewer');
    expect((await app.drafts.get(draftIdOf(url)))!.answers.project).toMatchObject({ name: atLimit });
    const over = await visitor.submit(url, { 'project.name': `${atLimit}n` });
    expect(over.statusCode).toBe(400);
    expect(over.body).toContain('Project name must be 200 characters or fewer');
    // The draft still holds the earlier post, not the refused one.
    expect((await app.drafts.get(draftIdOf(url)))!.answers.project).toMatchObject({ name: atLimit });
  });

  it('refuses one over-long deliverable, pointing at its box', async () => {
    const { visitor, url } = await projectStep();
    const response = await visitor.submit(url, { 'project.deliverables': ['Logo', 'b'.repeat(100_000)] });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('href="#project-deliverables-1"');
    expect(await storedSize(url)).toBeLessThan(2_000);
  });

  it('refuses a huge value in a field of any kind, on every step', async () => {
    expect.hasAssertions();
    for (const step of STEPS) {
      const visitor = new InjectVisitor(app);
      const first = await visitor.start();
      const url = first.replace(/\/[^/]+$/, `/${step.id}`);
      await visitor.get(url);
      for (const field of step.fields.filter((candidate) => !candidate.when)) {
        const response = await visitor.submit(url, { [field.name]: '9'.repeat(200_000) });
        // 200 kB is more than any step's whole form can hold but the project's (fifty deliverables and
        // a description): refused unread with 413 there, and by the field's own message on the project.
        expect(response.statusCode, `${step.id} ${field.name}`).toBe(step.id === 'project' ? 400 : 413);
        expect(await storedSize(url), `${step.id} ${field.name}`).toBeLessThan(2_000);
      }
    }
  });

  it('still keeps a long but allowed description (what was typed survives)', async () => {
    const { visitor, url } = await projectStep();
    await visitor.post(url, { 'project.description': 'word '.repeat(3_000) });
    const draft = await app.drafts.get(draftIdOf(url));
    expect(((draft!.answers.project as { description: string }).description ?? '').length).toBeGreaterThan(14_000);
  });
});
