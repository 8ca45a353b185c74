// `guild run` dependencies: accepted flag names, default upstream runs before the run, resolution while it is pending.
import path from "node:path";
import { CliError, type Io } from "../io.js";
import { pythonUnpacker } from "../deps/unpack.js";
import type { CommandContext } from "../context.js";
import type { OpDef } from "../../lib/guildfile/index.js";
import { configFlagsSource } from "../../lib/guildfile/config-flags.js";
import { flagNameCandidates, type ResourceDef } from "../deps/resource.js";
import { applyDefaultDependencyRuns, DependencyError, resolveDependencies, type DependencyLog, type ResolveContext } from "../deps/resolve.js";
import type { CandidateRun } from "../deps/run-match.js";
import { listRuns } from "../runs/list.js";
import { Run } from "../runs/run.js";
import { shellSplit } from "../../lib/python/shlex.js";
import type { RunDirInfo, RunPlan, ResolvedDependencies } from "./hooks.js";
import { opDepsData, opResources } from "./op-resources.js";

/** Run paths of a run's source code files (manifest `s` lines). */
export function manifestSourceFiles(manifestText: string): string[] {
  const files: string[] = [];
  for (const line of manifestText.split("\n")) {
    if (!line.startsWith("s ")) continue;
    try {
      const [, runPath] = shellSplit(line);
      if (runPath !== undefined) files.push(runPath);
    } catch {
      // a malformed line names no file
    }
  }
  return files;
}

/** A listed run as dependency resolution sees it (status read when asked). */
export function candidateRun(run: Run): CandidateRun {
  return {
    id: run.id,
    dir: run.dir,
    opref: run.opref,
    get status() {
      return run.status();
    },
    get started() {
      const started = run.get("started");
      return typeof started === "number" ? started : null;
    },
    marked: run.marked,
    sourcecodeFiles: () => {
      const manifest = run.readManifest();
      return manifest === null ? [] : manifestSourceFiles(manifest);
    },
  };
}

/** Runs visible to this command (GUILD_RUNS_PARENT respected). */
function candidateRuns(ctx: CommandContext): CandidateRun[] {
  return listRuns(ctx.guildHome, { env: ctx.io.env }).map(candidateRun);
}

function dependencyLog(io: Io, logLevel = 20, logFormat: "cli" | "op" = "cli"): DependencyLog {
  const op = logFormat === "op";
  return {
    info: (message) => io.stderr(`${op ? "INFO: [guild] " : ""}${message}\n`),
    warn: (message) => io.stderr(`WARNING: ${op ? "[guild] " : ""}${message}\n`),
    error: (message) => io.stderr(`ERROR: ${op ? "[guild] " : ""}${message}\n`),
    debug: (message) => {
      if (logLevel <= 10) io.stderr(`DEBUG: [guild] ${message}\n`);
    },
  };
}

function resourceConfig(flagValues: Record<string, unknown>): (resource: ResourceDef) => Record<string, unknown> {
  return (resource) => {
    const config: Record<string, unknown> = {};
    for (const name of flagNameCandidates(resource)) if (name in flagValues) config[name] = flagValues[name];
    return config;
  };
}

/** Flag names that carry a dependency's run id (accepted without --force-flags). */
export function dependencyFlagNames(opdef: OpDef): string[] {
  return opResources(opdef).flatMap(({ resource }) => flagNameCandidates(resource));
}

/** Stores the default upstream run ids in the flag values, arg-skips those flags, and records the op's deps data. */
export async function applyDefaultDependencies(plan: RunPlan): Promise<void> {
  const { io } = plan.ctx;
  const resources = opResources(plan.opdef, dependencyLog(io).warn);
  if (resources.length === 0) return;
  const definedFlags = new Set(plan.opdef.flags.map((flag) => flag.name));
  const applied = applyDefaultDependencyRuns(
    resources.map(({ resource }) => resource),
    plan.flagValues,
    candidateRuns(plan.ctx),
    definedFlags,
    dependencyLog(io),
  );
  plan.flagValues = applied.flagValues as RunPlan["flagValues"];
  for (const name of applied.dependencyFlags) {
    if (!definedFlags.has(name)) plan.opCmd.cmdFlags[name] = { ...plan.opCmd.cmdFlags[name], argSkip: true };
  }
  plan.opDepsData = opDepsData(resources, resourceConfig(plan.flagValues));
}

/** The config source of the op's `config:` flags dest is resolved again and replaced on restart unless it says otherwise. */
function applyConfigDestDefaults(resources: ResourceDef[], opdef: OpDef): void {
  const configSource = configFlagsSource(opdef);
  if (configSource === null) return;
  for (const source of resources.flatMap((resource) => resource.sources)) {
    if (source.uri !== `config:${configSource}`) continue;
    source.alwaysResolve ??= true;
    source.replaceExisting ??= true;
  }
}

/** Resolves the run's dependencies (copies/links upstream files); a failure is Guild's "dependency was not met" error. */
export async function resolveRunDependencies(plan: RunPlan, run: RunDirInfo, options: { forStage?: boolean } = {}): Promise<ResolvedDependencies> {
  const { io } = plan.ctx;
  const resources = opResources(plan.opdef);
  // A staged or restarted run keeps what it resolved before.
  const existingDeps = (Run.forDir(run.runDir).get("deps") ?? undefined) as ResolveContext["existingDeps"];
  if (resources.length === 0) return { deps: existingDeps ?? {}, manifestLines: [] };
  applyConfigDestDefaults(resources.map(({ resource }) => resource), plan.opdef);
  const manifestLines: string[] = [];
  try {
    const deps = resolveDependencies(
      resources.map(({ resource }) => resource),
      {
        runDir: run.runDir,
        projectDir: plan.opdef.model.guildfile.dir,
        flagValues: plan.flagValues,
        candidates: candidateRuns(plan.ctx),
        log: dependencyLog(io, plan.ctx.logLevel, plan.ctx.logFormat),
        appendManifest: (line) => manifestLines.push(line),
        existingDeps,
        forStage: options.forStage,
        files: { cwd: io.cwd, resourceCacheDir: path.join(plan.ctx.guildHome, "cache", "resources"), unpack: pythonUnpacker(plan.pythonExe, io.env) },
        config: { cmdFlags: plan.opCmd.cmdFlags, newId: io.newRunId },
      },
    );
    return { deps, manifestLines };
  } catch (error) {
    if (!(error instanceof DependencyError)) throw error;
    throw new CliError(`run failed because a dependency was not met: ${error.message}`);
  }
}
