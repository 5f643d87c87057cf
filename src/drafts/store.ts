// Drafts: the wizard's answers saved on every step, reached through an
// unguessable id. The interface keeps the engine replaceable; SQLite is the
// default (src/drafts/sqlite-store.ts).

/** Answers as the user has typed them so far: possibly incomplete, never trusted. */
export type DraftAnswers = Record<string, unknown>;

export interface Draft {
  /** At least 128 random bits, URL-safe. */
  readonly id: string;
  readonly answers: DraftAnswers;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly expiresAt: string;
}

export interface DraftStore {
  create(answers?: DraftAnswers): Draft;
  /** Undefined when unknown or expired. */
  get(id: string): Draft | undefined;
  /** Replaces the answers and pushes the expiry back; undefined when unknown or expired. */
  save(id: string, answers: DraftAnswers): Draft | undefined;
  delete(id: string): boolean;
  /** Removes expired drafts; returns how many. */
  sweepExpired(now?: Date): number;
  close(): void;
}
