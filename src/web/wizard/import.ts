// "Continue from a file": an answers file (JSON) or a Word file this app made
// (its answers are embedded). Whatever else arrives gets a sentence saying
// what was wrong and what to upload instead.
import { answersSchema, type Answers } from '../../answers/schema.ts';
import { EmbeddedAnswersError, readEmbeddedAnswers } from '../../render/embedded-answers.ts';
import { fieldProblems } from '../problems.ts';

export type ImportResult =
  | { readonly ok: true; readonly answers: Answers }
  | { readonly ok: false; readonly message: string; readonly problems: readonly string[] };

const WHAT_TO_UPLOAD = 'Upload an answers file (.json) or a Word contract (.docx) downloaded from this site.';
const MAX_PROBLEMS_SHOWN = 10;

function failure(message: string, problems: readonly string[] = []): ImportResult {
  return { ok: false, message, problems };
}

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export function readUploadedAnswers(bytes: Uint8Array): ImportResult {
  if (bytes.length === 0) return failure(`The file is empty. ${WHAT_TO_UPLOAD}`);

  let data: unknown;
  if (isZip(bytes)) {
    try {
      data = readEmbeddedAnswers(bytes);
    } catch (error) {
      if (error instanceof EmbeddedAnswersError) return failure(`${error.message} ${WHAT_TO_UPLOAD}`);
      return failure(`This file could not be read. ${WHAT_TO_UPLOAD}`);
    }
  } else {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    } catch {
      return failure(`This file is neither an answers file nor a Word file. ${WHAT_TO_UPLOAD}`);
    }
    try {
      data = JSON.parse(text);
    } catch {
      return failure(`This file is not an answers file: its content is not JSON. ${WHAT_TO_UPLOAD}`);
    }
  }

  const result = answersSchema.safeParse(data);
  if (!result.success) {
    const problems = fieldProblems(result.error.issues);
    const shown = problems.slice(0, MAX_PROBLEMS_SHOWN).map((problem) => (problem.path ? `${problem.path}: ${problem.message}` : problem.message));
    if (problems.length > MAX_PROBLEMS_SHOWN) shown.push(`and ${problems.length - MAX_PROBLEMS_SHOWN} more.`);
    return failure(
      problems.length === 1
        ? 'This file has answers, but one of them needs fixing before it can be used:'
        : `This file has answers, but ${problems.length} of them need fixing before they can be used:`,
      shown,
    );
  }
  return { ok: true, answers: result.data };
}
