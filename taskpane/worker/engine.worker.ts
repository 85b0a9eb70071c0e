/** The pane's engine worker: serves engineJobs.ts. webpack bundles it from engine.ts's `new Worker(new URL(…))`. */
import { serve, type ServePort } from "../../src/worker/serve";
import { ENGINE_HANDLERS, type EngineJobs } from "./engineJobs";

serve<EngineJobs>(self as unknown as ServePort, ENGINE_HANDLERS);
