/** The registry of `puhui` sub-commands. Each later module appends its commands here. */
import type { Command } from "./command.js";

export const commands: Command[] = [];
