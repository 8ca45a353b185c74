// Creating a run directory as Guild does: attrs in order, PENDING, opref, manifest and source code copy.
import os from "node:os";
import { appendManifest, createAttrsDir, createManifest, removeMarker, writeAttr, writeMarker, writeOpref, type Opref } from "../../lib/rundir/index.js";
import { shellQuote } from "../../lib/python/shlex.js";
import type { Io } from "../io.js";
import type { OpDef, LoadedGuildfile } from "../../lib/guildfile/index.js";
import { cmdFlagsAsData, GUILD_PLUGINS, type OpCmd } from "./op-cmd.js";
import { copySourceCode, sourceCodeDigest } from "./sourcecode.js";
import { runParamsAttr, type RunParams } from "./run-params.js";
import { projectLocalDependencyPaths } from "./op-resources.js";
import type { FlagValues } from "./flag-values.js";
import { newComment } from "../runs/comments.js";

/**
 * The number of online CPUs, read once per process: os.cpus() reads and parses every CPU's
 * description and times, milliseconds in a process with a large heap, where the harness runs
 * many `guild run`s in-process.
 */
let cpuCount: number | undefined;

/** Python platform.uname() joined as Guild stores it. */
export function platformAttr(): Record<string, unknown> {
  const machine = os.machine();
  cpuCount ??= os.cpus().length;
  return {
    architecture: `${/64/.test(machine) ? "64bit" : "32bit"}${os.platform() === "linux" ? " ELF" : ""}`,
    cpus: cpuCount,
    processor: "",
    uname: [os.type(), os.hostname(), os.release(), os.version(), machine, ""].join(" "),
  };
}

export function opAttr(opdef: OpDef, opCmd: OpCmd, labelTemplate: string | null, deps: unknown[]): Record<string, unknown> {
  const nullLabels: Record<string, string> = {};
  const flagsExtra: Record<string, unknown> = {};
  for (const flag of opdef.flags) {
    if (flag.nullLabel !== null) nullLabels[flag.name] = flag.nullLabel;
    if (Object.keys(flag.extra).length) flagsExtra[flag.name] = flag.extra;
  }
  const cmdData: Record<string, unknown> = { "cmd-args": opCmd.cmdArgs };
  if (Object.keys(opCmd.cmdEnv).length) cmdData["cmd-env"] = opCmd.cmdEnv;
  const cmdFlags = cmdFlagsAsData(opCmd.cmdFlags);
  if (Object.keys(cmdFlags).length) cmdData["cmd-flags"] = cmdFlags;
  cmdData["flags-dest"] = opCmd.flagsDest;
  const sourcecode: Record<string, unknown> = { dest: opdef.sourcecode.dest ?? opdef.model.sourcecode.dest ?? "." };
  return {
    "delete-on-success": opdef.deleteOnSuccess,
    deps,
    "flag-null-labels": nullLabels,
    "flags-extra": flagsExtra,
    "label-template": labelTemplate,
    "op-cmd": cmdData,
    "output-scalars": opdef.outputScalars,
    "python-requires": opdef.pythonRequires,
    sourcecode,
  };
}

export interface InitRunOptions {
  io: Io;
  runId: string;
  runDir: string;
  guildfile: LoadedGuildfile;
  opref: Opref;
  opdef: OpDef;
  opCmd: OpCmd;
  cmd: string[];
  label: string;
  labelTemplate: string | null;
  tags: string[];
  flagValues: FlagValues;
  userFlagValues: FlagValues;
  params: RunParams;
  opDepsData: unknown[];
  /** The `random_seed` attr (see runRandomSeed). */
  randomSeed: unknown;
  /** A run with a proto takes its source code from the proto, not the project. */
  skipSourceCode?: boolean;
}

/** A run Guild starts from (restart or proto), as far as its random seed goes: Python's `run.get(name)`. */
export interface SeedSource {
  get(name: string): unknown;
}

/**
 * run_impl._op_init_random_seed: the `--random-seed` value (unless 0), else the seed of the run started from
 * (a restart keeps its own, a run with a proto takes the proto's) when it has one, else a new one.
 */
export function runRandomSeed(requested: number | null, base: SeedSource | null, newSeed: () => number): unknown {
  // Guild tests the option for truth: `--random-seed 0` is no seed.
  if (requested) return requested;
  return base?.get("random_seed") || newSeed();
}

/** Steps 1-4 of Guild's init_run: id/initialized, PENDING, opref, attrs, manifest + source code. */
export function initRun(options: InitRunOptions): void {
  const { runDir, io } = options;
  createAttrsDir(runDir);
  writeAttr(runDir, "id", options.runId);
  writeAttr(runDir, "initialized", io.nowMicros());
  writeMarker(runDir, "PENDING");
  removeMarker(runDir, "STAGED");
  writeOpref(runDir, options.opref);
  writeAttr(runDir, "cmd", options.cmd);
  writeAttr(runDir, "plugins", GUILD_PLUGINS);
  if (options.label) writeAttr(runDir, "label", options.label);
  if (options.tags.length) writeAttr(runDir, "tags", options.tags);
  if (options.params.comment) {
    writeAttr(runDir, "comments", [newComment(options.params.comment, null, { user: io.env.USER || "", host: io.env.HOST || io.hostname }, io.nowMicros())]);
  }
  writeAttr(runDir, "flags", options.flagValues);
  writeAttr(runDir, "user_flags", options.userFlagValues);
  writeAttr(runDir, "run_params", runParamsAttr(options.params));
  writeAttr(runDir, "random_seed", options.randomSeed);
  writeAttr(runDir, "op", opAttr(options.opdef, options.opCmd, options.labelTemplate, options.opDepsData));
  writeAttr(runDir, "host", io.env.HOST || io.hostname);
  writeAttr(runDir, "user", io.env.USER || "");
  writeAttr(runDir, "platform", platformAttr());
  if (options.opdef.steps !== null) writeAttr(runDir, "steps", options.opdef.steps);
  createManifest(runDir);
  if (options.opdef.steps !== null) {
    writeAttr(runDir, "sourcecode_digest", null);
    return;
  }
  if (io.env.NO_SOURCECODE === "1" || options.skipSourceCode) return;
  const warn = (message: string) => io.stderr(`WARNING: ${message}\n`);
  const dest = options.opdef.sourcecode.dest ?? options.opdef.model.sourcecode.dest ?? ".";
  // Project files the op depends on are resolved as dependencies, not copied as source code.
  const copied = copySourceCode(options.opdef, runDir, dest, shellQuote, warn, projectLocalDependencyPaths(options.opdef), io.env);
  appendManifest(runDir, copied.map((file) => file.manifestLine));
  // Guild digests the manifest's run paths, read back from the run directory (run_util.sourcecode_digest).
  writeAttr(runDir, "sourcecode_digest", sourceCodeDigest(runDir, copied.map((file) => file.runPath)));
}
