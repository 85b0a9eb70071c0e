/** The demo's calc worker: serves calcJobs.ts. webpack bundles it from calc.ts's `new Worker(new URL(…))`. */
import { serve, type ServePort } from "../worker/serve";
import { CALC_HANDLERS, type CalcJobs } from "./calcJobs";

serve<CalcJobs>(self as unknown as ServePort, CALC_HANDLERS);
