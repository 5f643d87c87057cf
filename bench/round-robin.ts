// The smallest load balancer that shows what several instances must get
// right: every request goes to the next instance in turn, so consecutive
// steps of one wizard walk land on different processes. Keep-alive
// connections to each instance, like nginx or HAProxy with upstream
// keep-alive. Used by `LOAD_INSTANCES=2 npm run load` only.
import { Agent, createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface RoundRobin {
  readonly url: string;
  /** Requests sent to each instance so far, in the order of `targets`. */
  readonly counts: number[];
  close(): Promise<void>;
}

export async function startRoundRobin(targets: readonly string[]): Promise<RoundRobin> {
  const upstreams = targets.map((target) => new URL(target));
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const counts = upstreams.map(() => 0);
  let next = 0;
  const server: Server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    const index = next;
    next = (next + 1) % upstreams.length;
    counts[index]! += 1;
    const upstream = upstreams[index]!;
    const forwarded = request(
      { host: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers: incoming.headers, agent },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', () => {
      if (!outgoing.headersSent) outgoing.writeHead(502);
      outgoing.end();
    });
    incoming.pipe(forwarded);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
