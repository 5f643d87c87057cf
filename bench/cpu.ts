// How the bench measures CPU in one process: per call, over batches, in
// alternating batches so the machine's moods fall on every contender alike,
// and after a warm-up. Shared by bench/render.ts and the clean process it
// starts for the pipeline (bench/pipeline-cpu.ts).

/** A count from the environment (BENCH_*), or `fallback` when unset. */
export function count(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, not "${raw}"`);
  return value;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/**
 * CPU milliseconds per call of `run`, over a batch of `size` calls. A
 * synchronous function is called as the server calls it, without an await
 * after each call; only a promise (the docx library's) is awaited.
 */
export async function cpuPerCall(run: () => unknown, size: number): Promise<number> {
  const start = process.cpuUsage();
  for (let i = 0; i < size; i++) {
    const result = run();
    if (result instanceof Promise) await result;
  }
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / size;
}

/** Median CPU per call of each function, measured in alternating batches so the machine's moods fall on all alike. */
export async function alternating<K extends string>(runs: Record<K, { run: () => unknown; batch: number }>, batches: number): Promise<Record<K, number>> {
  const names = Object.keys(runs) as K[];
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (const name of names) await cpuPerCall(runs[name].run, runs[name].batch); // warm-up
  for (let round = 0; round < batches; round++) {
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const name of order) samples[name].push(await cpuPerCall(runs[name].run, runs[name].batch));
  }
  return Object.fromEntries(names.map((name) => [name, percentile(samples[name], 50)])) as Record<K, number>;
}

/**
 * CPU per document while V8 is still getting the code ready: the documents
 * in turn, `total` of them, as the mean CPU per document of each tenth of
 * the run. On this 2-core machine the first documents take several times
 * the settled figure (code runs unoptimised while V8's background thread
 * compiles the hot functions), and it takes some thousands of documents to
 * settle: a server that has been up for minutes is past it, which is what
 * the medians after it measure.
 */
export async function warmUp(runs: readonly (() => unknown)[], total: number): Promise<number[]> {
  const tenths: number[] = [];
  const per = Math.max(1, Math.round(total / 10 / runs.length));
  for (let tenth = 0; tenth < 10; tenth++) tenths.push(await cpuPerCall(() => runs.forEach((run) => run()), per) / runs.length);
  return tenths;
}

