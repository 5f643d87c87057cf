// autocannon in a process of its own, for the bench's route figures
// (bench/render.ts, section 4). autocannon times a request from its write to
// the response's end on its own event loop, so whatever else that loop does
// lands in the latency it reports: in the bench's process, whose heap holds
// the docx library, hundreds of its renders and the LibreOffice run's
// leftovers, the same server measured fewer documents per second and a
// higher p99 than from a clean process in three of four alternating rounds
// (3 December: 461 against 549 documents per second, p99 22 against 19 ms,
// on average).
// Here the loop does nothing but drive the load; the parent and this child
// talk over fork()'s IPC channel, one run at a time.
//
// As a module: startLoadGenerator() forks this file and returns run(options).
// As the child: answers each { id, options } message with { id, result } or
// { id, error }.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon, { type Options, type Result } from 'autocannon';

/** The figures of a run that the bench reads. */
export type LoadResult = Pick<Result, 'requests' | 'latency' | 'errors' | 'timeouts' | 'non2xx'>;

interface Request {
  readonly id: number;
  readonly options: Options;
}
type Reply = { readonly id: number; readonly result: LoadResult } | { readonly id: number; readonly error: string };

export interface LoadGenerator {
  run(options: Options): Promise<LoadResult>;
  stop(): Promise<void>;
}

/** Forks the load generator: tsx loads this file in the child as it does in the parent. */
export function startLoadGenerator(): LoadGenerator {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting = new Map<number, { resolve: (result: LoadResult) => void; reject: (error: Error) => void }>();
  let next = 0;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.on('message', (reply: Reply) => {
    const pending = waiting.get(reply.id);
    waiting.delete(reply.id);
    if ('error' in reply) pending?.reject(new Error(reply.error));
    else pending?.resolve(reply.result);
  });
  void exited.then(() => {
    for (const pending of waiting.values()) pending.reject(new Error('the load generator exited'));
    waiting.clear();
  });
  return {
    run(options) {
      const id = next++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        child.send({ id, options } satisfies Request);
      });
    },
    async stop() {
      if (child.connected) child.disconnect();
      await exited;
    },
  };
}

// The child: run what the parent asks, one request after another.
if (process.send && process.argv[1] === fileURLToPath(import.meta.url)) {
  const send = (reply: Reply) => process.send!(reply);
  process.on('message', ({ id, options }: Request) => {
    autocannon(options).then(
      ({ requests, latency, errors, timeouts, non2xx }) => send({ id, result: { requests, latency, errors, timeouts, non2xx } }),
      (error: unknown) => send({ id, error: String((error as Error)?.message ?? error) }),
    );
  });
  // The parent disconnecting is the signal to stop.
  process.on('disconnect', () => process.exit(0));
}
