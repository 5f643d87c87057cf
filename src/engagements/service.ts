// What sending, viewing, signing and verifying do, for the API and the pages
// alike: each step appends to the record through the store, and the moment
// both parties have signed the record is completed, sealed and turned into
// the signed file, once, whichever instance gets there first.
import type { KeyObject } from 'node:crypto';
import { answersSchema, type Answers, type Language } from '../answers/schema.ts';
import { inLanguage, messagesFor, say } from '../language/messages.ts';
import type { ClauseLibrary } from '../clauses/load.ts';
import { assembleContract } from '../contract/assemble.ts';
import type { ContractDocxWriter } from '../render/docx-package.ts';
import { renderContractPdf } from '../render/pdf-on-demand.ts';
import { certificateOf, defaultTimeZone, type Certificate } from './certificate.ts';
import { certificateWords } from './certificate-words.ts';
import { engagementStatus, newEngagement, whyNotSign, type Engagement, type EngagementStatus } from './engagement.ts';
import { chainProblems, eventsOfType, nextEvent, type DownloadedFile, type EngagementEvent, type NewEvent, type Party, type Visitor } from './events.ts';
import { publicJwk, sealRecord, type SigningKey } from './seal.ts';
import { sealSignedFile } from './signed-file.ts';
import type { EngagementStore, Sealed } from './store.ts';
import { verifyRecord, verifySignedFile, type FileVerdict } from './verify.ts';
import { sha256Hex } from './canonical-json.ts';
import { signedContract } from './signed-contract.ts';

export interface EngagementServiceOptions {
  readonly store: EngagementStore;
  readonly key: SigningKey;
  readonly library: ClauseLibrary;
  readonly writer: ContractDocxWriter;
  readonly retentionYears: number;
  readonly now?: () => Date;
}

/** What a signer typed. */
export interface Signing {
  readonly name: string;
  readonly title?: string;
}

export interface EngagementView {
  readonly engagement: Engagement;
  readonly events: readonly EngagementEvent[];
  readonly status: EngagementStatus;
  readonly sealed?: Sealed;
}

interface ClientAnswers {
  readonly client?: { readonly kind?: unknown; readonly business?: unknown };
}

/**
 * The sentence a signer agrees to, in the contract's language: to sign and to
 * receive the contract electronically, with the ESIGN 7001(c) disclosure
 * before it when the client is a consumer.
 */
export function consentText(engagement: Pick<Engagement, 'language' | 'answers'>, party: Party): string {
  const words = certificateWords(engagement.language);
  const consumer = party === 'client' && (engagement.answers as ClientAnswers).client?.kind === 'consumer';
  return consumer ? `${words.consumerDisclosure} ${words.consent}` : words.consent;
}

/** The business a party signs for, from the frozen answers. */
export function businessOf(engagement: Pick<Engagement, 'answers'>, party: Party): string | undefined {
  const business = (engagement.answers[party] as { business?: unknown } | undefined)?.business;
  return typeof business === 'string' && business !== '' ? business : undefined;
}

export type EngagementService = ReturnType<typeof engagementService>;

/**
 * The record as this server keeps it, checked as a verifier would: the chain
 * whole (it goes on after sealing: downloads), and the sealed part still the
 * one sealed. An event edited in the database is found here.
 */
function storedRecordProblems(stored: EngagementView, keys: ReadonlyMap<string, KeyObject>): string[] {
  const { engagement, events, sealed } = stored;
  const problems = new Set(chainProblems(engagement.id, events));
  if (sealed) {
    const record = { engagementId: engagement.id, documentHash: engagement.documentHash, events: events.slice(0, sealed.seal.eventCount), seal: sealed.seal };
    for (const problem of verifyRecord(record, keys).problems) problems.add(problem);
  }
  return [...problems].map((problem) => say('verify.problem.stored', { problem }));
}

export function engagementService({ store, key, library, writer, retentionYears, now = () => new Date() }: EngagementServiceOptions) {
  const keys = new Map([[key.keyId, key.publicKey]]);

  function contractOf(engagement: Engagement) {
    // The answers were validated when sent; parsing again gives back their typed form.
    return assembleContract(answersSchema.parse(engagement.answers), library);
  }

  function signedFileOf(engagement: Engagement, certificate: Certificate, sealedAt: Date): Uint8Array {
    return sealSignedFile(writer.write(signedContractOf(engagement, certificate), sealedAt), certificate, key);
  }

  function signedContractOf(engagement: Engagement, certificate: Certificate) {
    return signedContract(contractOf(engagement), certificate);
  }

  /** Seals a completed record and keeps its signed file; the seal another instance kept first wins. */
  async function ensureSealed(engagement: Engagement, events: readonly EngagementEvent[]): Promise<Sealed | undefined> {
    const existing = await store.sealOf(engagement.id);
    if (existing || eventsOfType(events, 'completed').length === 0) return existing;
    const at = now();
    const seal = sealRecord({ engagementId: engagement.id, documentHash: engagement.documentHash, events }, key, at);
    const signedFile = signedFileOf(engagement, certificateOf(engagement, events, seal), at);
    await store.seal(engagement.id, { seal, signedFile });
    return store.sealOf(engagement.id);
  }

  async function view(engagement: Engagement): Promise<EngagementView> {
    const events = await store.events(engagement.id);
    const sealed = await ensureSealed(engagement, events);
    return { engagement, events, status: engagementStatus(events), ...(sealed ? { sealed } : {}) };
  }

  async function record(engagement: Engagement, event: NewEvent): Promise<EngagementEvent[]> {
    return store.append(engagement.id, () => [event]);
  }

  return {
    keys,
    publishedKeys: () => ({ keys: [publicJwk(key)] }),

    /** Freezes the answers and the exact Word file; a draft's second sending replaces its first. */
    async send(input: { answers: Answers; draftId?: string; freelancer?: Signing; visitor: Visitor; /** Checked by the caller (timeZoneNamed); without one, the place's (defaultTimeZone). */ timeZone?: string }): Promise<Engagement> {
      const at = now();
      const previous = input.draftId ? await store.latestForDraft(input.draftId) : undefined;
      const document = writer.write(assembleContract(input.answers, library), at);
      const engagement = newEngagement({
        answers: input.answers as unknown as Record<string, unknown>,
        language: input.answers.language,
        document,
        at,
        retentionYears,
        ...(input.draftId ? { draftId: input.draftId } : {}),
        ...(previous ? { previous } : {}),
      });
      const created = nextEvent(engagement.id, undefined, {
        type: 'created',
        at,
        data: { documentHash: engagement.documentHash, version: engagement.version, ...(previous ? { replaces: previous.id } : {}), timeZone: input.timeZone ?? defaultTimeZone(input.answers) },
      });
      await store.create(engagement, created);
      if (previous) {
        // A completed engagement stays what was signed; any other earlier version can no longer be signed.
        await store.append(previous.id, (events) =>
          ['completed', 'replaced'].includes(engagementStatus(events).state) ? [] : [{ type: 'replaced', at, data: { byEngagement: engagement.id, byVersion: engagement.version } }],
        );
      }
      if (input.freelancer) await this.sign(engagement, 'freelancer', input.freelancer, input.visitor);
      return engagement;
    },

    view,
    ensureSealed,
    signedContractOf,
    contractOf,

    async opened(engagement: Engagement, visitor: Visitor): Promise<EngagementView> {
      await record(engagement, { type: 'viewed', at: now(), data: visitor });
      return view(engagement);
    },

    async downloaded(engagement: Engagement, party: Party, file: DownloadedFile, visitor: Visitor): Promise<void> {
      await record(engagement, { type: 'downloaded', at: now(), data: { ...visitor, party, file } });
    },

    /** Appends the signature (and `completed` when it is the second); a sentence when it may not be given. */
    async sign(engagement: Engagement, party: Party, signing: Signing, visitor: Visitor): Promise<{ refused?: string; view: EngagementView }> {
      const at = now();
      const business = businessOf(engagement, party);
      const appended = await store.append(engagement.id, (events) => {
        if (whyNotSign(events, party)) return [];
        const signed: NewEvent<'signed'> = {
          type: 'signed',
          at,
          data: {
            ...visitor,
            party,
            name: signing.name,
            ...(signing.title ? { title: signing.title } : {}),
            ...(business ? { business } : {}),
            consent: consentText(engagement, party),
            documentHash: engagement.documentHash,
          },
        };
        const otherSigned = Boolean(engagementStatus(events).signatures[party === 'client' ? 'freelancer' : 'client']);
        return otherSigned ? [signed, { type: 'completed', at, data: { documentHash: engagement.documentHash } }] : [signed];
      });
      const current = await view(engagement);
      return appended.length > 0 ? { view: current } : { refused: whyNotSign(current.events, party) ?? 'This signature could not be recorded.', view: current };
    },

    async askChanges(engagement: Engagement, message: string, visitor: Visitor): Promise<{ refused?: string }> {
      const appended = await store.append(engagement.id, (events) => {
        const { state } = engagementStatus(events);
        return state === 'completed' || state === 'replaced' ? [] : [{ type: 'changes-asked', at: now(), data: { ...visitor, message } }];
      });
      return appended.length > 0 ? {} : { refused: whyNotSign(await store.events(engagement.id), 'client') ?? 'Changes can no longer be asked for.' };
    },

    /** The engagement as it stands (sealed if complete), recording nothing: for the freelancer's own claim pack. */
    async current(engagement: Engagement): Promise<EngagementView> {
      return view(engagement);
    },

    /**
     * The signed contract as PDF, for reading and printing: the same tree as
     * the signed Word file (both "/s/" lines, the certificate of the sealed
     * events), drawn by the PDF renderer. It is rendered on each download, so
     * the Word file stays the one sealed and the one verification checks.
     */
    async signedPdf(current: EngagementView): Promise<Buffer | undefined> {
      if (!current.sealed) return undefined;
      const { seal } = current.sealed;
      const certificate = certificateOf(current.engagement, current.events.slice(0, seal.eventCount), seal);
      return renderContractPdf(signedContractOf(current.engagement, certificate));
    },

    certificate(current: EngagementView): Certificate {
      return certificateOf(current.engagement, current.events, current.sealed?.seal);
    },

    /**
     * A file checked by itself under our key, then against what the server
     * keeps: the engagement it names exists, its record is the stored one,
     * and the file is the signed file both parties downloaded.
     */
    async verify(bytes: Uint8Array, language: Language = 'en'): Promise<FileVerdict & { engagement?: Engagement }> {
      // The checks are synchronous, so each runs in the asker's language; the awaits are between them.
      const verdict = inLanguage(language, () => verifySignedFile(bytes, keys));
      const { t } = messagesFor(language);
      if (!verdict.engagementId) return verdict;
      const engagement = await store.get(verdict.engagementId);
      if (!engagement) return { ...verdict, valid: false, problems: [...verdict.problems, t('verify.problem.unknownEngagement')] };
      const stored = await view(engagement);
      const problems = [...verdict.problems, ...inLanguage(language, () => storedRecordProblems(stored, keys))];
      const carried = verdict.certificate?.events ?? [];
      if (carried.length !== stored.events.length || carried.at(-1)?.hash !== stored.events.at(-1)?.hash) {
        // The stored record goes on after signing (downloads); it must still begin with the file's.
        const prefix = stored.events.slice(0, carried.length);
        if (prefix.length !== carried.length || prefix.at(-1)?.hash !== carried.at(-1)?.hash) problems.push(t('verify.problem.recordDiffers'));
      }
      if (stored.sealed && sha256Hex(stored.sealed.signedFile) !== sha256Hex(bytes)) problems.push(t('verify.problem.notStoredFile'));
      return { ...verdict, valid: problems.length === 0, problems, engagement };
    },
  };
}
