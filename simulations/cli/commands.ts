/** The registry of `puhui` sub-commands. Each later module appends its commands here. */
import type { Command } from "./command.js";
import { rulesCommands } from "./rules.js";
import { simulateCommands } from "./simulate.js";
import { solvePremiumCommands } from "./solve-premium.js";
import { sensitivityCommands } from "./sensitivity.js";
import { calibrateCommands } from "./calibrate.js";
import { sweepCommands } from "./sweep.js";

export const commands: Command[] = [...rulesCommands, ...simulateCommands, ...solvePremiumCommands, ...sensitivityCommands, ...calibrateCommands, ...sweepCommands];
