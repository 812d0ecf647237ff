/** Entry of a `puhui simulate --workers K` worker thread in the built CLI (build/cli/worker-main.js). */
import { workerMain } from "./worker.js";

workerMain();
