// "Continue from a file": an answers file (JSON), or a Word file or PDF this
// app made (its answers are embedded in the one, attached to the other). Whatever else arrives gets a sentence saying
// what was wrong and what to upload instead.
import { answersSchema, type Answers } from '../../answers/schema.ts';
import { EmbeddedAnswersError, MAX_ANSWERS_PART_BYTES, readEmbeddedAnswers } from '../../render/embedded-answers.ts';
import { safeUnzip, type SafeUnzipLimits } from '../../render/safe-unzip.ts';
import { isPdf, PdfAnswersError, readPdfAnswers } from '../../render/pdf-answers.ts';
import { readSignedFile } from '../../engagements/signed-file.ts';
import { fieldProblems } from '../problems.ts';
import { checkIn, inLanguage, messagesFor, type Messages } from '../../language/messages.ts';
import { boundedShape, checkBoundedShape, MAX_ITEMS_PER_LIST, MAX_KEYS_PER_OBJECT, TooManyKeysError } from '../bounded-json.ts';

export type ImportResult =
  | {
      readonly ok: true;
      readonly answers: Answers;
      /**
       * The engagement a signed Word file names in its record part. The
       * answers schema is strict, so the record travels beside the answers;
       * unchecked here (the review page only trusts it when this server knows
       * the engagement and its answers are the draft's).
       */
      readonly engagementId?: string;
    }
  | { readonly ok: false; readonly message: string; readonly problems: readonly string[] };

const MAX_PROBLEMS_SHOWN = 10;

function failure(message: string, problems: readonly string[] = []): ImportResult {
  return { ok: false, message, problems };
}

/** "1 MB", "512 kB": a byte limit as a person reads it. */
export function describeBytes(bytes: number, locale = 'en-US'): string {
  const format = (value: number, unit: string) => `${Number(value.toFixed(1)).toLocaleString(locale)} ${unit}`;
  if (bytes >= 1024 * 1024) return format(bytes / (1024 * 1024), 'MB');
  if (bytes >= 1024) return format(bytes / 1024, 'kB');
  return `${bytes} bytes`;
}

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

// A core.xml is a few hundred bytes; these bounds only keep a hostile zip cheap.
const CORE_PROPERTIES_LIMITS: SafeUnzipLimits = { maxEntries: 10_000, maxEntryBytes: 64 * 1024, maxTotalBytes: 64 * 1024 };

/**
 * An invoice this app wrote, told by the keywords it writes into
 * docProps/core.xml ("invoice, deposit", "請求書, 着手金"). Unlike the
 * contract and the letters, an invoice carries no answers.
 */
function isInvoiceMadeHere(bytes: Uint8Array): boolean {
  try {
    const core = safeUnzip(bytes, (name) => name === 'docProps/core.xml', CORE_PROPERTIES_LIMITS).files.get('docProps/core.xml');
    const keywords = core ? (/<cp:keywords>([^<]*)<\/cp:keywords>/.exec(new TextDecoder().decode(core))?.[1] ?? '') : '';
    return /^(?:invoice|請求書),/.test(keywords);
  } catch {
    return false; // not a zip this reader accepts: the answers reader has said why
  }
}

const tooManyKeys = (messages: Messages) => messages.t('import.tooManyKeys', { keys: MAX_KEYS_PER_OBJECT, items: MAX_ITEMS_PER_LIST });

/** The answers in an uploaded file, or what is wrong with it in the page's words. */
export function readUploadedAnswers(bytes: Uint8Array, messages: Messages = messagesFor('en')): ImportResult {
  const { t } = messages;
  const whatToUpload = t('import.whatToUpload');
  if (bytes.length === 0) return failure(`${t('import.empty')} ${whatToUpload}`);

  let data: unknown;
  let engagementId: string | undefined;
  if (isZip(bytes)) {
    try {
      data = readEmbeddedAnswers(bytes);
    } catch (error) {
      // An invoice made here holds no answers: say what it is rather than "not made by this app".
      if (isInvoiceMadeHere(bytes)) return failure(`${t('import.isInvoice')} ${whatToUpload}`);
      // The reader's own sentence names what is wrong inside the Word file; it is in English.
      if (error instanceof EmbeddedAnswersError) return failure(`${messages.language === 'en' ? error.message : t('import.wordUnreadable')} ${whatToUpload}`);
      return failure(`${t('import.unreadable')} ${whatToUpload}`);
    }
    const named = readSignedFile(bytes).certificate?.engagementId;
    if (typeof named === 'string') engagementId = named;
  } else if (isPdf(bytes)) {
    try {
      data = readPdfAnswers(bytes);
    } catch (error) {
      if (error instanceof PdfAnswersError) return failure(`${messages.language === 'en' ? error.message : t('import.pdfUnreadable')} ${whatToUpload}`);
      return failure(`${t('import.unreadable')} ${whatToUpload}`);
    }
  } else {
    // Larger than any answers this app writes: refused unread, as the same part inside a Word file is.
    if (bytes.length > MAX_ANSWERS_PART_BYTES) return failure(`${t('import.tooLarge', { size: describeBytes(MAX_ANSWERS_PART_BYTES, messages.language) })} ${whatToUpload}`);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    } catch {
      return failure(`${t('import.notAnswersOrWord')} ${whatToUpload}`);
    }
    try {
      // Refused while parsing when an object or a list is far past any answers' size.
      data = JSON.parse(text, boundedShape);
    } catch (error) {
      if (error instanceof TooManyKeysError) return failure(`${tooManyKeys(messages)} ${whatToUpload}`);
      return failure(`${t('import.notJson')} ${whatToUpload}`);
    }
  }
  // Answers from a Word file or a PDF (up to 256 kB) face the same bounds: an
  // object of tens of thousands of unknown keys costs seconds of validation
  // and a page of problems as long as the file (issue 24, finding 3).
  try {
    checkBoundedShape(data);
  } catch (error) {
    if (error instanceof TooManyKeysError) return failure(`${tooManyKeys(messages)} ${whatToUpload}`);
    throw error;
  }

  // The problems are written in the page's language, as they are found.
  const result = checkIn(messages, () => answersSchema.safeParse(data));
  if (!result.success) {
    const problems = inLanguage(messages, () => fieldProblems(result.error.issues));
    const shown = problems.slice(0, MAX_PROBLEMS_SHOWN).map((problem) => (problem.path ? `${problem.path}: ${problem.message}` : problem.message));
    if (problems.length > MAX_PROBLEMS_SHOWN) shown.push(t('import.more', { count: problems.length - MAX_PROBLEMS_SHOWN }));
    return failure(t('import.needsFixing', { count: problems.length }), shown);
  }
  return { ok: true, answers: result.data, ...(engagementId ? { engagementId } : {}) };
}
