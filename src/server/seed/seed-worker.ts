import { parentPort, workerData } from 'node:worker_threads';
import { type GenerationInput, prepareCorporation, transferables } from './prepared-corporation.ts';
import type { OrganizationPlan } from './scales.ts';

// Worker thread of corporation-source.ts: generates and serialises the corporations it is asked for, one
// at a time, so the main thread only has to pass finished batches to PostgreSQL.

export type WorkerRequest = { plan: OrganizationPlan };

const input = workerData as GenerationInput;
const port = parentPort;
if (port === null) throw new Error('seed-worker.ts runs as a worker thread only');

port.on('message', (request: WorkerRequest) => {
  try {
    const prepared = prepareCorporation(input, request.plan);
    port.postMessage({ ok: true, prepared }, transferables(prepared));
  } catch (error) {
    port.postMessage({ ok: false, message: (error as Error).stack ?? String(error) });
  }
});
