// Validate + assemble + write, the bench's section 1 goal, measured in a
// process of its own set up as the server's: started by bench/render.ts with
// the start script's V8 flags (the server's young generation, old-generation
// growth and one background thread change the CPU per document by a tenth or
// more), loading only the compiled modules the contract route uses (and tsx,
// which runs this script; it loads no module of the product). In the
// bench's own process the docx library, its renders and the LibreOffice
// run's leftovers share the heap (autocannon did too, until it moved to
// bench/load-generator.ts), and the same code measured 10-30% slower there.
//
// Prints one JSON line: the warm-up's tenths and the median CPU per document
// of each contract, small first.
import { alternating, warmUp } from './cpu.ts';
import { distModule } from './dist-module.ts';
import { largeAnswers, smallAnswers } from './contracts.ts';

const { answersSchema } = await distModule<typeof import('../src/answers/schema.ts')>('answers/schema.js');
const { assembleContract } = await distModule<typeof import('../src/contract/assemble.ts')>('contract/assemble.js');
const { loadContractLibrary } = await distModule<typeof import('../src/contract/library.ts')>('contract/library.js');
const { contractDocxWriter } = await distModule<typeof import('../src/render/docx-package.ts')>('render/docx-package.js');

const warmUpDocuments = Number(process.env.BENCH_WARMUP_DOCS ?? 8_000);
const batches = Number(process.env.BENCH_BATCHES ?? 30);
const library = loadContractLibrary();
const writer = await contractDocxWriter();
// Parsed from JSON as a request's body is, then validated, assembled and written each time.
const pipeline = (answers: unknown) => () => writer.write(assembleContract(answersSchema.parse(answers), library));
const runs = {
  small: { run: pipeline(JSON.parse(JSON.stringify(smallAnswers()))), batch: 40 },
  large: { run: pipeline(JSON.parse(JSON.stringify(largeAnswers()))), batch: 40 },
};
const warming = await warmUp([runs.small.run, runs.large.run], warmUpDocuments);
const medians = await alternating(runs, batches);
process.stdout.write(`${JSON.stringify({ warming, small: medians.small, large: medians.large, flags: process.execArgv })}\n`);
