/** The worker of the worker-backed custom functions: serves functionJobs.ts. webpack bundles it from workers.ts's `new Worker(new URL(…))`. */
import { serve, type ServePort } from "../worker/serve";
import { FUNCTION_HANDLERS, type FunctionJobs } from "./functionJobs";

serve<FunctionJobs>(self as unknown as ServePort, FUNCTION_HANDLERS);
