// Where Guild 0.8.2 keeps runs and each run's metadata on disk: names and paths only, nothing is read here.
import path from "node:path";

/** The metadata directory inside every run directory. */
export const GUILD_DIR = ".guild";

/** The names of what Guild keeps in `.guild` (besides the status markers). */
export const GUILD_FILES = {
  /** One file per attribute, YAML-encoded; the directory holds nothing else. */
  attrs: "attrs",
  /** Which operation made the run (see opref.ts); its presence makes a directory a run. */
  opref: "opref",
  /** Everything the run's process printed, in the order printed. */
  output: "output",
  /** One 9-byte entry per output line: when it was printed and on which stream. */
  outputIndex: "output.index",
  /** Source code and dependency files copied into the run, one line each. */
  manifest: "manifest",
  /** A staged run's environment, as a script to source before starting it. */
  envScript: "ENV",
  /** A batch run's prototype: a run directory of its own. */
  proto: "proto",
} as const;

/** Files in `.guild` whose presence tells a run's state: PENDING while initializing, STAGED, LOCK (the pid) while running. */
export type RunMarker = "PENDING" | "STAGED" | "LOCK" | "LOCK.remote";

export const runsDir = (guildHome: string) => path.join(guildHome, "runs");
export const trashRunsDir = (guildHome: string) => path.join(guildHome, "trash", "runs");
/** A run's directory under GUILD_HOME/runs (the run id is its name). */
export const runDirPath = (guildHome: string, runId: string) => path.join(runsDir(guildHome), runId);
/** A deleted run's directory under GUILD_HOME/trash/runs. */
export const trashRunDirPath = (guildHome: string, runId: string) => path.join(trashRunsDir(guildHome), runId);

export const guildDir = (runDir: string) => path.join(runDir, GUILD_DIR);
export const attrsDir = (runDir: string) => path.join(runDir, GUILD_DIR, GUILD_FILES.attrs);
export const attrPath = (runDir: string, name: string) => path.join(runDir, GUILD_DIR, GUILD_FILES.attrs, name);
export const oprefPath = (runDir: string) => path.join(runDir, GUILD_DIR, GUILD_FILES.opref);
export const markerPath = (runDir: string, marker: RunMarker) => path.join(runDir, GUILD_DIR, marker);
export const outputPath = (runDir: string) => path.join(runDir, GUILD_DIR, GUILD_FILES.output);
export const outputIndexPath = (runDir: string) => path.join(runDir, GUILD_DIR, GUILD_FILES.outputIndex);
export const manifestPath = (runDir: string) => path.join(runDir, GUILD_DIR, GUILD_FILES.manifest);
export const envScriptPath = (runDir: string) => path.join(runDir, GUILD_DIR, GUILD_FILES.envScript);
export const protoDir = (runDir: string) => path.join(runDir, GUILD_DIR, GUILD_FILES.proto);

/** The marker Guild leaves in Guild home and in export directories: source code copies skip a directory holding it. */
export const NOCOPY_MARKER = ".guild-nocopy";
