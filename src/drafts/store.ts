// Drafts: the wizard's answers saved on every step, reached through an
// unguessable id. The interface keeps the engine replaceable: SQLite in
// DATA_DIR is the default (sqlite-store.ts), PostgreSQL when several
// instances share one database (postgres-store.ts). Both pass one contract
// suite (test/drafts/draft-store-contract.ts). Every method is async because
// a network database is; SQLite simply answers at once.

/** Answers as the user has typed them so far: possibly incomplete, never trusted. */
export type DraftAnswers = Record<string, unknown>;

export interface Draft {
  /** At least 128 random bits, URL-safe. */
  readonly id: string;
  readonly answers: DraftAnswers;
  /** Goes up by one on every save; `update` uses it to notice a save made in between. */
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly expiresAt: string;
}

export interface DraftStore {
  /** Which engine holds the drafts, for logs and /readyz. */
  readonly engine: 'sqlite' | 'postgres';
  create(answers?: DraftAnswers): Promise<Draft>;
  /** Undefined when unknown or expired. */
  get(id: string): Promise<Draft | undefined>;
  /** Replaces the answers and pushes the expiry back; undefined when unknown or expired. Last write wins. */
  save(id: string, answers: DraftAnswers): Promise<Draft | undefined>;
  /**
   * Applies `change` to the latest saved answers and saves the result in one
   * step: a save made meanwhile by another tab or instance is seen by
   * `change`, so neither is lost. `change` may run more than once; keep it
   * pure. Undefined when unknown or expired.
   */
  update(id: string, change: (answers: DraftAnswers) => DraftAnswers): Promise<Draft | undefined>;
  delete(id: string): Promise<boolean>;
  /** Removes expired drafts; returns how many (0 when another instance is sweeping right now). */
  sweepExpired(now?: Date): Promise<number>;
  /** Resolves when the engine answers a trivial query; rejects with DraftStoreUnavailableError otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The engine could not be reached (PostgreSQL down or restarting). Pages
 * turn it into a 503 that keeps what the user typed; never a 500.
 */
export class DraftStoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`The draft store is unavailable: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'DraftStoreUnavailableError';
  }
}

