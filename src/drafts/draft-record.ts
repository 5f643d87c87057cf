// What both engines share about a draft row: how ids are made and checked,
// how the expiry is computed, and how stored JSON becomes a Draft again.
import { randomBytes } from 'node:crypto';
import type { Draft, DraftAnswers } from './store.ts';

const DAY_MS = 86_400_000;

/** 24 random bytes: 192 bits, well above the 128 a guess would need to beat. */
export function newDraftId(): string {
  return randomBytes(24).toString('base64url');
}

/** Draft ids are base64url; anything else is refused before it reaches SQL. */
export function isDraftIdShape(id: string): boolean {
  return /^[A-Za-z0-9_-]{22,64}$/.test(id);
}

export function checkTtlDays(ttlDays: number): void {
  if (!(ttlDays > 0)) throw new Error(`ttlDays must be more than 0, not ${ttlDays}`);
}

export function expiryFrom(date: Date, ttlDays: number): string {
  return new Date(date.getTime() + ttlDays * DAY_MS).toISOString();
}

/** Answers are stored as JSON text: text keeps every character a user typed (jsonb refuses \u0000). */
export function parseAnswers(text: string): DraftAnswers {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as DraftAnswers) : {};
  } catch {
    return {};
  }
}

export interface DraftFields {
  id: string;
  answers: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
}

export function toDraft(row: DraftFields): Draft {
  return {
    id: row.id,
    answers: parseAnswers(row.answers),
    version: Number(row.version),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    expiresAt: row.expiresAt,
  };
}
