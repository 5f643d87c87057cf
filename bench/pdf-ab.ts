// Two builds of the PDF renderer against each other in one process (issue
// 27): the large contract's PDF, CPU per document, in alternating batches,
// with the Word writer as the yardstick. Single runs of the PDF row on this
// shared machine move by a quarter; two builds measured side by side in one
// process, each batch after the other's, show a step of 5% that separate
// runs cannot.
//
//   git worktree add /tmp/before <commit> && (cd /tmp/before && npm ci && npm run build)
//   npm run build && BEFORE=/tmp/before/dist npx tsx bench/pdf-ab.ts
//
// BEFORE: the other build's dist/ (it must sit in a checkout with its own
// node_modules and fonts, as a worktree does). AFTER: this checkout's dist/
// by default. BENCH_PDF_WARMUP_DOCS (2,000) of each first, then
// BENCH_BATCHES (31) rounds of 12 PDFs of each and 40 Word files.
import { pathToFileURL } from 'node:url';
import { join, resolve } from 'node:path';
import type { Contract } from '../src/contract/tree.ts';
import { answersSchema, assembleContract, contractDocxWriter, loadContractLibrary } from './compiled.ts';
import { largeAnswers } from './contracts.ts';
import { alternating, count, warmUp } from './cpu.ts';
import { ROOT } from '../test/helpers/server-process.ts';

type Render = (contract: Contract) => Promise<Buffer>;

async function renderer(dist: string): Promise<Render> {
  const module = (await import(pathToFileURL(join(resolve(dist), 'render', 'pdf.js')).href)) as { renderContractPdf: Render };
  return module.renderContractPdf;
}

const before = process.env.BEFORE;
if (!before) throw new Error('BEFORE must name the other build\'s dist/ directory (see the comment at the top of bench/pdf-ab.ts)');
const after = process.env.AFTER ?? join(ROOT, 'dist');
const [renderBefore, renderAfter] = [await renderer(before), await renderer(after)];
const contract = assembleContract(answersSchema.parse(largeAnswers()), loadContractLibrary());
const writer = await contractDocxWriter();

const documents = count('BENCH_PDF_WARMUP_DOCS', 2_000);
await warmUp([() => renderBefore(contract), () => renderAfter(contract), () => writer.write(contract)], documents * 3);
const cpu = await alternating(
  {
    before: { run: () => renderBefore(contract), batch: 12 },
    after: { run: () => renderAfter(contract), batch: 12 },
    word: { run: () => writer.write(contract), batch: 40 },
  },
  count('BENCH_BATCHES', 31),
);
const [bytesBefore, bytesAfter] = [(await renderBefore(contract)).length, (await renderAfter(contract)).length];
const line = (name: string, ms: number, bytes: number) => `${name.padEnd(7)} ${ms.toFixed(3)} ms a PDF, ${(ms / cpu.word).toFixed(2)}x the Word file, ${(bytes / 1024).toFixed(1)} kB`;
console.log(
  [
    `Word file ${cpu.word.toFixed(3)} ms (median of the batches)`,
    line('before', cpu.before, bytesBefore),
    line('after', cpu.after, bytesAfter),
    `after / before: ${(cpu.after / cpu.before).toFixed(3)}`,
  ].join('\n'),
);
