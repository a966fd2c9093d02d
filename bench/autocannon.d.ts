// The part of autocannon 9's programmatic API the benchmark uses (the package ships no types).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  type Request = {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    setupRequest?: (request: Request, context: Record<string, unknown>) => Request;
    /** Called for each response, before the instance's 'response' event, with the context setupRequest saw. */
    onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
  };

  type Options = {
    url: string;
    connections?: number;
    duration?: number;
    pipelining?: number;
    timeout?: number;
    headers?: Record<string, string>;
    requests?: Request[];
    setupClient?: (client: EventEmitter) => void;
  };

  type Result = {
    requests: { average: number; total: number };
    latency: { average: number; p50: number; p99: number; max: number };
    errors: number;
    timeouts: number;
    non2xx: number;
    duration: number;
  };

  type Instance = EventEmitter & {
    on(
      event: 'response',
      listener: (client: EventEmitter, statusCode: number, resBytes: number, responseTime: number) => void,
    ): Instance;
  };

  function autocannon(options: Options, callback: (error: Error | null, result: Result) => void): Instance;
  export default autocannon;
  export type { Options, Request, Result };
}
