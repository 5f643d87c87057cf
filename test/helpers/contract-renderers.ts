// The two ways a contract becomes a Word file: the docx library (the oracle,
// plain and slow) and the fast writer that POST /api/contracts serves. Tests
// that describe what a user sees in the file run over both.
import type { Contract } from '../../src/contract/tree.ts';
import { renderContractDocx } from '../../src/render/docx.ts';
import { writeContractDocx } from '../../src/render/docx-package.ts';

export interface ContractRenderer {
  /** For file and folder names. */
  readonly id: string;
  /** For test titles. */
  readonly name: string;
  readonly render: (contract: Contract) => Promise<Buffer>;
}

export const CONTRACT_RENDERERS: readonly ContractRenderer[] = [
  { id: 'docx-library', name: 'the docx library', render: renderContractDocx },
  { id: 'fast-writer', name: 'the fast writer', render: writeContractDocx },
];
