/**
 * The browser bundle `engine.js` (built by `build.mjs`): the package's parser and classifier,
 * reading the tables `search-data.js` sets, and the site's search on top. It starts the search
 * box of the page it is loaded in, and exposes the engine as the global `SmtpCodes`.
 *
 * (Hand-written.)
 * @module
 */

import { data } from "./data.js";
import { start } from "./ui.js";

export { classify, describeDecidedBy } from "../src/classify.js";
export { explain } from "../src/explain.js";
export { Reply } from "../src/reply.js";
export { findReply, VENDOR, VERDICT } from "./ui.js";
export { parseQuery, search, candidates } from "./search.js";

if (typeof document !== "undefined") start(document, data());
