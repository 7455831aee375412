/** `npm run --silent insights -- [--days N] [--csv]`: the /insights figures from the configured store. */
import { config as loadDotenv } from "dotenv";
import { runInsights } from "../cli/runInsights.js";
import { runScript } from "../cli/runScript.js";

loadDotenv({ quiet: true });
runScript("insights", runInsights);
