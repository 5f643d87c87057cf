// One log line per outage and then one a minute, not one per request: while
// PostgreSQL or Redis is down every request meets the failure, and a line
// each would bury everything else in the log (and cost a write each).
export interface OutageLogger {
  warn(object: object, message: string): void;
  info(object: object, message: string): void;
}

export const LOG_EVERY_MS = 60_000;

export interface OutageLog {
  /** A request could not reach the service: logged now if nothing was in the last minute. */
  failed(error: unknown): void;
  /** The service answered: logged once when it answers again after failing. */
  succeeded(): void;
}

export function outageLog(log: OutageLogger | undefined, what: { down: string; back: string }, clock: () => number = Date.now): OutageLog {
  let lastWarning = -Infinity;
  let failing = false;
  let missed = 0;
  return {
    failed(error) {
      failing = true;
      const now = clock();
      if (now - lastWarning < LOG_EVERY_MS) {
        missed++;
        return;
      }
      lastWarning = now;
      // The first line of the message only: never a connection string or a stack.
      const message = String((error as Error | undefined)?.message ?? error).split('\n')[0]!.replace(/(postgres(ql)?|rediss?):\/\/\S+/g, '…');
      log?.warn({ err: { message }, ...(missed > 0 ? { failuresSinceLastLine: missed } : {}) }, what.down);
      missed = 0;
    },
    succeeded() {
      if (!failing) return;
      failing = false;
      missed = 0;
      lastWarning = -Infinity;
      log?.info({}, what.back);
    },
  };
}
