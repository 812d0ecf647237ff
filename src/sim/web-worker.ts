/**
 * The engine in a browser Web Worker (module worker), so dashboards never freeze: a page's
 * EngineClient (src/sim/engine-protocol.ts) posts requests — run a SimulationJob (scenario text,
 * mode, replicates, seed …), cancel it, solve a premium, rank the assumptions — and the worker
 * answers through the same host as the command line's worker threads (src/sim/engine-host.ts):
 * rows after each chunk, quick results first, refined as more arrive. Bundled into one file by the
 * data loader src/data/engine-worker.js.ts.
 */
import type { EngineReply } from "./engine-protocol.js";
import { createEngineHost } from "./engine-host.js";

interface WorkerScope {
  postMessage(message: EngineReply): void;
  onmessage: ((event: { data: unknown }) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;
const host = createEngineHost((reply) => scope.postMessage(reply));
scope.onmessage = (event) => host.receive(event.data);
