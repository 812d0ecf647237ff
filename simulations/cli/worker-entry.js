// Entry of a `puhui simulate --workers K` worker thread: registers tsx (as bin/puhui.js does),
// then runs the TypeScript worker body. Started by runInWorkers in ./worker.ts.
import { register } from "tsx/esm/api";

register();
const { workerMain } = await import("./worker.ts");
workerMain();
