import type { Dialect } from "./dialect.js";
import { segment } from "./dialects/segment.js";
import { thrivestackLegacy } from "./dialects/thrivestack-legacy.js";
import { thrivestack } from "./dialects/thrivestack.js";

/** Every dialect, in the order the generated documents list them. */
export const dialects: readonly Dialect[] = [thrivestack, thrivestackLegacy, segment];
