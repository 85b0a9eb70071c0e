/** The demo's file worker: serves fileJobs.ts. webpack bundles it from loadInWorker.ts's `new Worker(new URL(…))`. */
import { serve, type ServePort } from "../worker/serve";
import { FILE_HANDLERS, type FileJobs } from "./fileJobs";

serve<FileJobs>(self as unknown as ServePort, FILE_HANDLERS);
