import { Worker } from 'node:worker_threads';
import {
  type GenerationInput,
  type PreparedCorporation,
  prepareCorporation,
} from './prepared-corporation.ts';
import type { OrganizationPlan } from './scales.ts';
import type { WorkerRequest } from './seed-worker.ts';

// Where prepared corporations come from. With a worker thread the next corporation is generated while the
// current one loads: on two cores one generates and PostgreSQL inserts. Both ways give the same rows, since
// a corporation depends only on the seed, the reference date and its plan.

type Reply = { ok: true; prepared: PreparedCorporation } | { ok: false; message: string };

export async function* inProcess(
  input: GenerationInput,
  plans: readonly OrganizationPlan[],
): AsyncGenerator<PreparedCorporation> {
  for (const plan of plans) yield prepareCorporation(input, plan);
}

/** One corporation ahead, never more: the national set must not pile up in memory when loading is slower. */
export async function* inWorkerThread(
  input: GenerationInput,
  plans: readonly OrganizationPlan[],
): AsyncGenerator<PreparedCorporation> {
  if (plans.length === 0) return;
  const worker = new Worker(new URL('./seed-worker.ts', import.meta.url), { workerData: input });
  let failure: Error | null = null;
  const waiting: ((reply: Reply) => void)[] = [];
  worker.on('message', (reply: Reply) => waiting.shift()?.(reply));
  worker.on('error', (error) => {
    failure = error;
    for (const resolve of waiting.splice(0)) resolve({ ok: false, message: error.message });
  });
  const request = (plan: OrganizationPlan): Promise<Reply> =>
    new Promise((resolve) => {
      if (failure !== null) return resolve({ ok: false, message: failure.message });
      waiting.push(resolve);
      worker.postMessage({ plan } satisfies WorkerRequest);
    });
  try {
    let next = request(plans[0] as OrganizationPlan);
    for (let i = 0; i < plans.length; i += 1) {
      const reply = await next;
      if (!reply.ok) throw new Error(`generator failed in worker thread: ${reply.message}`);
      const following = plans[i + 1];
      if (following !== undefined) next = request(following);
      yield reply.prepared;
    }
  } finally {
    await worker.terminate();
  }
}
