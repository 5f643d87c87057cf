// Where a PDF's CPU goes (issue 27): renders the large contract's PDF `N`
// times (default 50) with the compiled renderer (after `npm run build`) and
// the Word file ten times as often, and prints both CPU figures. With
// PROFILE=<file.cpuprofile> it profiles the PDF renders alone (after a
// warm-up, so module loading and font parsing stay out), then sums self
// time per function and per file; `--sum <file>` sums any .cpuprofile.
import { writeFileSync, readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { answersSchema, assembleContract, loadContractLibrary, renderContractPdf, contractDocxWriter } from './compiled.ts';
import { largeAnswers } from './contracts.ts';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

function summarise(path: string): void {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const perFunction = new Map<string, number>();
  const perFile = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    const frame = byId.get(id)!.callFrame;
    const file = frame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/(dist|src)\//, '$1/') || '(native)';
    const name = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
    perFunction.set(name, (perFunction.get(name) ?? 0) + delta);
    perFile.set(file, (perFile.get(file) ?? 0) + delta);
    total += delta;
  });
  const top = (map: Map<string, number>, count: number) =>
    [...map].sort((a, b) => b[1] - a[1]).slice(0, count).map(([name, us]) => `${((us / total) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${name}`);
  console.log(`total ${(total / 1000).toFixed(0)} ms\n\nby file:\n${top(perFile, 25).join('\n')}\n\nby function:\n${top(perFunction, 40).join('\n')}`);
}

if (process.argv[2] === '--sum') summarise(process.argv[3]!);
else {
  const contract = assembleContract(answersSchema.parse(largeAnswers()), loadContractLibrary());
  const times = Number(process.env.N ?? 50);
  for (let i = 0; i < 20; i++) await renderContractPdf(contract);
  const writer = await contractDocxWriter();
  for (let i = 0; i < 200; i++) writer.write(contract);
  const session = new Session();
  const profile = process.env.PROFILE;
  if (profile) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const start = process.cpuUsage();
  for (let i = 0; i < times; i++) await renderContractPdf(contract);
  const pdf = process.cpuUsage(start);
  if (profile) {
    const { profile: taken } = await session.post('Profiler.stop');
    writeFileSync(profile, JSON.stringify(taken));
    summarise(profile);
  }
  const wordStart = process.cpuUsage();
  for (let i = 0; i < times * 10; i++) writer.write(contract);
  const word = process.cpuUsage(wordStart);
  const ms = (used: NodeJS.CpuUsage, count: number) => (used.user + used.system) / 1000 / count;
  console.log(`PDF ${ms(pdf, times).toFixed(2)} ms, Word ${ms(word, times * 10).toFixed(3)} ms a document, ${(ms(pdf, times) / ms(word, times * 10)).toFixed(1)}x`);
}
