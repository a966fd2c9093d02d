import type { FastifyInstance } from 'fastify';

/** How often, while draining, connections that have gone idle since are closed. */
const IDLE_SWEEP_MS = 100;

/**
 * A graceful stop behind a proxy that keeps connections (nginx `keepalive`): once `close()` has begun, every
 * answer says `Connection: close`, and connections that go idle after their last answer are closed at once,
 * so the stop waits for the requests in flight only — not for a proxy's idle connection to time out (72 s).
 * New requests meanwhile get Fastify's 503, which the proxy passes to another instance.
 */
export function registerConnectionDrain(app: FastifyInstance): void {
  let draining = false;
  app.addHook('preClose', (done) => {
    draining = true;
    const sweep = setInterval(() => app.server.closeIdleConnections(), IDLE_SWEEP_MS);
    sweep.unref();
    app.server.once('close', () => clearInterval(sweep));
    done();
  });
  app.addHook('onSend', async (_request, reply) => {
    if (draining) reply.header('connection', 'close');
  });
}
