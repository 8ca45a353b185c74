// Resolving a run's operation dependencies: default upstream run ids before the run, file copies/links during it.
import { cpSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync } from "node:fs";
import { createHash } from "node:crypto";
import { basename, dirname, isAbsolute, join, normalize, relative, resolve as resolvePath, sep } from "node:path";
import { resolveRefs, UndefinedReferenceError } from "../flags/refs.js";
import { pyRepr, pyStr } from "../../lib/python/repr.js";
import { shellQuote } from "../../lib/python/shlex.js";
import {
  flagNameCandidates, resourceResolvingName, sourceResolvingName, sourceScheme, sourceUriPath,
  type ResourceDef, type ResourceSource,
} from "./resource.js";
import { resolveConfigSource, type ConfigSourceContext } from "./config-source.js";
import { opReferencesForPath, resolveOpRun, ResolutionError, type CandidateRun } from "./run-match.js";
import { defaultRunPaths, listRunPaths, selectPaths } from "./select-files.js";
import { resolveFileSource } from "./file-source.js";
import { renameSourceFile, RenameError } from "./rename.js";
import type { Unpacker } from "./unpack.js";
import { lexists } from "../lexists.js";

/** A dependency that could not be met; Guild prints `run failed because a dependency was not met: <message>`. */
export class DependencyError extends Error {}

export interface DependencyLog {
  info: (message: string) => void;
  warn: (message: string) => void;
  error: (message: string) => void;
  /** Shown with `guild --debug` only. */
  debug?: (message: string) => void;
}

function isOperationSource(source: ResourceSource): boolean {
  return sourceScheme(source) === "operation";
}

/** The flag that carries a source's run id: a defined flag among flag-name/name/uri, else the first set. */
export function dependencyFlagName(source: ResourceSource, definedFlags: Set<string>): string {
  for (const name of [source.flagName, source.name, source.uri]) if (name && definedFlags.has(name)) return name;
  return source.flagName || source.name || source.uri;
}

function runIdCandidates(resource: ResourceDef, flagValues: Record<string, unknown>): string[] {
  return flagNameCandidates(resource)
    .map((name) => flagValues[name])
    .filter((value) => value !== null && value !== undefined && value !== "" && value !== false && value !== 0)
    .map((value) => pyStr(value));
}

function applyRunId(runId: string, flagName: string, flagValues: Record<string, unknown>): void {
  const current = flagValues[flagName];
  if (current === null || current === undefined) flagValues[flagName] = runId;
  else if (Array.isArray(current)) flagValues[flagName] = current.map((item) => (runId.startsWith(pyStr(item)) ? runId : item));
  else if (runId.startsWith(pyStr(current))) flagValues[flagName] = runId;
}

export interface DefaultDependencyRuns {
  /** Flag values with full upstream run ids applied (run_impl._apply_default_dep_runs). */
  flagValues: Record<string, unknown>;
  /** Dependency flag names (arg-skipped in the command unless the op defines the flag). */
  dependencyFlags: string[];
}

/** Before a run: picks the upstream run for each operation source (staged runs count) and stores its full id. */
export function applyDefaultDependencyRuns(
  resources: ResourceDef[],
  flagValues: Record<string, unknown>,
  candidates: CandidateRun[],
  definedFlags: Set<string>,
  log: Pick<DependencyLog, "warn">,
): DefaultDependencyRuns {
  const values = { ...flagValues };
  const dependencyFlags: string[] = [];
  for (const resource of resources) {
    const prefixes = runIdCandidates(resource, flagValues);
    for (const source of resource.sources.filter(isOperationSource)) {
      const resolved: CandidateRun[] = [];
      for (const prefix of prefixes.length ? prefixes : [null]) {
        try {
          resolved.push(resolveOpRun(candidates, opReferencesForPath(sourceUriPath(source)), prefix, true));
        } catch (error) {
          if (!(error instanceof ResolutionError)) throw error;
        }
      }
      if (resolved.length === 0 && !source.optional) log.warn(`cannot find a suitable run for required resource '${sourceResolvingName(source)}'`);
      for (const run of resolved) {
        const flagName = dependencyFlagName(source, definedFlags);
        if (!dependencyFlags.includes(flagName)) dependencyFlags.push(flagName);
        applyRunId(run.id, flagName, values);
      }
    }
  }
  return { flagValues: values, dependencyFlags };
}

export interface ResolveContext {
  runDir: string;
  /** Directory of the Guild file defining the dependency (the resource location). */
  projectDir: string;
  /** The run's flags attr (with dependency run ids). */
  flagValues: Record<string, unknown>;
  candidates: CandidateRun[];
  log: DependencyLog;
  /** Appends one line to the run's manifest (`d ...`). */
  appendManifest: (line: string) => void;
  /** The run's existing `deps` attr (restarts); sources in it are not resolved again. */
  existingDeps?: Record<string, Record<string, unknown>>;
  forStage?: boolean;
  /** What `file:` sources need: configured paths are relative to cwd; archives unpack in the resource cache. */
  files?: { cwd: string; resourceCacheDir: string; unpack: Unpacker };
  /** What `config:` sources need beyond the above; without it they are unsupported. */
  config?: Pick<ConfigSourceContext, "cmdFlags" | "newId">;
}

export type DepsAttr = Record<string, Record<string, { uri: string; paths: string[]; config?: unknown }>>;

function sourceConfig(source: ResourceSource, config: Record<string, unknown>): unknown {
  for (const key of [source.flagName, source.name, source.uri]) if (key && key in config) return config[key];
  return null;
}

function sha1OrDash(path: string): string {
  try {
    if (!statSync(path).isFile()) return "-";
  } catch {
    return "-";
  }
  return createHash("sha1").update(readFileSync(path)).digest("hex");
}

function placeSource(sourcePath: string, targetPath: string, targetType: string, replaceExisting: boolean, log: DependencyLog): void {
  if (resolvePath(sourcePath) === resolvePath(targetPath)) return;
  if (lexists(targetPath)) {
    if (!replaceExisting) {
      log.warn(`${targetPath} already exists, skipping ${targetType}`);
      return;
    }
    rmSync(targetPath, { recursive: true, force: true });
  }
  mkdirSync(dirname(targetPath), { recursive: true });
  if (targetType === "link") {
    const linkDir = realpathSync(dirname(targetPath));
    symlinkSync(join(relative(linkDir, dirname(sourcePath)), basename(sourcePath)), targetPath);
  } else {
    cpSync(sourcePath, targetPath, { recursive: true, preserveTimestamps: true });
  }
}

function targetTypeFor(source: ResourceSource, resource: ResourceDef): string {
  for (const [value, description] of [[source.targetType, `source ${source.name}`], [resource.targetType, `resource ${resource.name}`]] as const) {
    if (!value) continue;
    if (value === "link" || value === "copy") return value;
    throw new DependencyError(`unsupported target-type '${value}' in ${description} (expected 'link' or 'copy')`);
  }
  return "copy";
}

function resolveSourceRunPaths(source: ResourceSource, context: ResolveContext, config: unknown): string[] {
  let runSpec = "";
  if (config !== null && config !== undefined && config !== "") {
    try {
      runSpec = pyStr(resolveRefs(pyStr(config), context.flagValues));
    } catch (error) {
      if (!(error instanceof UndefinedReferenceError)) throw error;
      throw new ResolutionError(`cannot resolve ${pyRepr(pyStr(config))} in ${sourceResolvingName(source)}: undefined reference '${error.reference}'`);
    }
  }
  const run = resolveOpRun(context.candidates, opReferencesForPath(sourceUriPath(source)), runSpec || null, false);
  context.log.info(`Using run ${run.id} for ${sourceResolvingName(source)}`);
  const selected = source.select.length
    ? selectPaths(listRunPaths(run.dir), source.select, context.log.error)
    : defaultRunPaths(safeReaddir(run.dir), run.sourcecodeFiles());
  const paths = selected.map((path) => join(run.dir, path));
  if (paths.length === 0) {
    if (source.failIfEmpty) throw new ResolutionError(`nothing resolved for ${sourceResolvingName(source)}`);
    if (source.warnIfEmpty) context.log.warn(`nothing resolved for ${sourceResolvingName(source)}`);
  }
  return paths;
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/**
 * Resolves every dependency of a run (op._resolve_deps): logs `Resolving NAME` and `Using run ID for NAME`,
 * copies or links the selected upstream files, appends manifest `d` lines, and returns the `deps` attr.
 * Throws DependencyError when a required source cannot be resolved.
 */
export function resolveDependencies(resources: ResourceDef[], context: ResolveContext): DepsAttr {
  const depsAttr: DepsAttr = JSON.parse(JSON.stringify(context.existingDeps ?? {}));
  for (const resource of resources) {
    const resourceName = resourceResolvingName(resource);
    const resolved = (depsAttr[resourceName] ??= {});
    const config: Record<string, unknown> = {};
    for (const name of flagNameCandidates(resource)) if (name in context.flagValues) config[name] = context.flagValues[name];
    context.log.info(`Resolving ${resourceName}`);
    for (const source of resource.sources) {
      const sourceName = sourceResolvingName(source);
      if (!source.alwaysResolve && sourceName in resolved) {
        context.log.info(`Skipping resolution of ${sourceName} because it's already resolved`);
        continue;
      }
      if (context.forStage && source.uri.startsWith("operation:")) {
        context.log.info(`Skipping resolution of ${sourceName} because it's being staged`);
        continue;
      }
      let paths: string[];
      try {
        paths = resolveSourcePaths(source, context, sourceConfig(source, config), resourceName);
      } catch (error) {
        if (!(error instanceof ResolutionError || error instanceof DependencyError)) throw error;
        const message = error instanceof ResolutionError ? `could not resolve '${sourceName}' in ${resourceName} resource: ${error.message}` : error.message;
        if (!source.optional) throw error instanceof DependencyError ? error : new DependencyError(message);
        context.log.debug?.(message);
        context.log.info(`Could not resolve ${sourceName} - skipping because dependency is optional`);
        continue;
      }
      const targetType = targetTypeFor(source, resource);
      for (const sourcePath of paths) {
        const targetDir = sourceTargetDir(source, resource, sourcePath, context);
        if (isAbsolute(targetDir)) throw new DependencyError(`invalid path '${targetDir}' in ${resourceName} resource (path must be relative)`);
        // Guild would place the files wherever `..` leads; we keep every write inside the run.
        if (leavesDir(targetDir)) throw new DependencyError(`invalid path '${targetDir}' in ${resourceName} resource (path must be inside the run directory)`);
        const targetPath = join(context.runDir, targetDir, targetName(sourcePath, source, context));
        placeSource(sourcePath, targetPath, targetType, Boolean(source.replaceExisting), context.log);
        context.appendManifest(manifestLine(sourcePath, targetPath, source, context));
      }
      const info: { uri: string; paths: string[]; config?: unknown } = { uri: source.uri, paths: paths.map((path) => relative(context.runDir, path)) };
      for (const key of [source.name, source.flagName, source.uri]) {
        if (key && key in config) {
          info.config = config[key];
          break;
        }
      }
      resolved[sourceName] = info;
    }
  }
  return depsAttr;
}

/** The paths a source resolves to: an upstream run's files, or project files. */
function resolveSourcePaths(source: ResourceSource, context: ResolveContext, config: unknown, resourceName: string): string[] {
  if (isOperationSource(source)) return resolveSourceRunPaths(source, context, config);
  if (sourceScheme(source) === "file" && context.files) {
    return resolveFileSource(source, config, { ...context.files, location: context.projectDir, flagValues: context.flagValues, ...context.log });
  }
  if (sourceScheme(source) === "config" && context.files && context.config) {
    const fileContext = { ...context.files, location: context.projectDir, flagValues: context.flagValues, ...context.log };
    return resolveConfigSource(source, config, { ...fileContext, ...context.config, runDir: context.runDir });
  }
  throw new DependencyError(`unsupported source '${source.uri}' in ${resourceName} resource`);
}

/** op_dep._source_target_path: the source's or resource's target path, or with preserve-path the source's project dir. */
function sourceTargetDir(source: ResourceSource, resource: ResourceDef, sourcePath: string, context: ResolveContext): string {
  const declared = source.targetPath ?? resource.targetPath;
  if (!source.preservePath) return declared ?? "";
  if (declared) context.log.warn(`target-path '${declared}' specified with preserve-path - ignoring`);
  return relative(context.projectDir, dirname(sourcePath)) || ".";
}

/** ResolveContext.resolve_flag_refs without a description: Guild's message for an undefined reference. */
function resolveFlagRefs(text: string, flagValues: Record<string, unknown>): string {
  try {
    return pyStr(resolveRefs(text, flagValues));
  } catch (error) {
    if (!(error instanceof UndefinedReferenceError)) throw error;
    throw new Error(`cannot resolve ${pyRepr(text)}: undefined reference '${error.reference}'`);
  }
}

function targetName(sourcePath: string, source: ResourceSource, context: ResolveContext): string {
  const name = basename(sourcePath);
  if (!source.rename.length) return name;
  try {
    return renameSourceFile(name, source.rename, (text) => resolveFlagRefs(text, context.flagValues));
  } catch (error) {
    if (error instanceof RenameError) throw new DependencyError(error.message);
    throw error;
  }
}

/** True when a relative path climbs out of the directory it is relative to (`..`, `a/../..`). */
function leavesDir(relativePath: string): boolean {
  const normalized = normalize(relativePath);
  return normalized === ".." || normalized.startsWith(".." + sep);
}

/** run_manifest._resolved_source_uri_args: the uri, and for a file from an unpacked archive its path in the archive. */
function sourceUriArgs(sourcePath: string, source: ResourceSource, context: ResolveContext): string[] {
  const uri = sourceScheme(source) === "file" ? `file:${sourceUriPath(source)}` : source.uri;
  const cacheDir = context.files?.resourceCacheDir;
  if (!cacheDir || !sourcePath.startsWith(cacheDir)) return [uri];
  const parts = relative(cacheDir, sourcePath).split(sep);
  return /^[0-9a-f]{56}$/.test(parts[0]) ? [uri, parts.slice(1).join(sep)] : [uri];
}

/** The manifest line for a resolved source: `d <run path> <sha1 or -> <source uri or file:path>`. */
function manifestLine(sourcePath: string, targetPath: string, source: ResourceSource, context: ResolveContext): string {
  const runPath = relative(context.runDir, targetPath).split("\\").join("/");
  const origin = context.projectDir;
  const sourceArgs = sourcePath.startsWith(origin) ? [`file:${relative(origin, sourcePath).split("\\").join("/")}`] : sourceUriArgs(sourcePath, source, context);
  return ["d", runPath, sha1OrDash(targetPath), ...sourceArgs].map(shellQuote).join(" ");
}
