// Post/Redirect/Get for the forms beside the wizard's steps (the letters, the
// calendar, the invoices): a form sent with problems is kept with the draft,
// as typed, and the POST answers with a redirect to the page's GET, which
// shows the form again with its problems. Back, forward and reload then never
// ask to send the form again ("Confirm Form Resubmission").
//
// Only the last such form is kept (under `sentForm`, beside the answers): it
// is what the page just showed, and the next form sent replaces it.
import type { DraftAnswers } from '../../drafts/store.ts';
import type { FormValues } from './form-values.ts';

const KEY = 'sentForm';

/** The query parameter naming the form whose problems the GET shows (`?check=late-notice`). */
export const CHECK_PARAM = 'check';

export interface CheckQuery {
  readonly check?: string;
}

/** The draft's answers with this form kept as it was sent. */
export function withSentForm(answers: DraftAnswers, form: string, values: FormValues): DraftAnswers {
  return { ...answers, [KEY]: { form, values } };
}

/** The draft's answers without a kept form: sent again without problems, it has nothing more to show. */
export function withoutSentForm(answers: DraftAnswers): DraftAnswers {
  if (!(KEY in answers)) return answers;
  const { [KEY]: _dropped, ...rest } = answers;
  return rest;
}

/** What was typed in `form` when it was last sent with problems, or `undefined`. */
export function sentForm(answers: DraftAnswers, form: string | undefined): FormValues | undefined {
  const kept = answers[KEY];
  if (form === undefined || !kept || typeof kept !== 'object' || Array.isArray(kept)) return undefined;
  const { form: name, values } = kept as { form?: unknown; values?: unknown };
  if (name !== form || !values || typeof values !== 'object' || Array.isArray(values)) return undefined;
  // Read back defensively: the store holds JSON, and only strings (or lists of them) are form values.
  const read: FormValues = {};
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === 'string') read[key] = value;
    else if (Array.isArray(value) && value.every((item) => typeof item === 'string')) read[key] = value as string[];
  }
  return read;
}
