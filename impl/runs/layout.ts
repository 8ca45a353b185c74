// Where Guild 0.8.2 keeps runs and their metadata on disk.
import path from "node:path";

export const runsDir = (guildHome: string) => path.join(guildHome, "runs");
export const trashRunsDir = (guildHome: string) => path.join(guildHome, "trash", "runs");
export const guildDir = (runDir: string) => path.join(runDir, ".guild");
export const attrsDir = (runDir: string) => path.join(runDir, ".guild", "attrs");
export const attrPath = (runDir: string, name: string) => path.join(runDir, ".guild", "attrs", name);
export const oprefPath = (runDir: string) => path.join(runDir, ".guild", "opref");
export const outputPath = (runDir: string) => path.join(runDir, ".guild", "output");
