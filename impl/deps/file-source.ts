// Resolving a `file:` dependency source (resolver.FileResolver): a configured path, or the project file, dir or archive it names.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve as resolvePath } from "node:path";
import { pyRepr, pyStr } from "../../lib/python/repr.js";
import { resolveRefs, UndefinedReferenceError } from "../flags/refs.js";
import { sourceResolvingName, sourceUriPath, type ResourceSource } from "./resource.js";
import { ResolutionError } from "./run-match.js";
import { selectPaths } from "./select-files.js";
import { archiveType, unpackArchive, type Unpacker } from "./unpack.js";

export interface FileSourceContext {
  /** Directory the resource is defined in: relative source paths are found here. */
  location: string;
  /** The command's working directory: a configured path (`FLAG=PATH`) is relative to it. */
  cwd: string;
  /** `<guild home>/cache/resources`, where archives are unpacked. */
  resourceCacheDir: string;
  flagValues: Record<string, unknown>;
  info: (message: string) => void;
  warn: (message: string) => void;
  error: (message: string) => void;
  unpack: Unpacker;
}

function exists(path: string): boolean {
  return existsSync(path);
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** resolver._resolve_config_path: the path a flag gave the source, relative to the cwd. */
function configPath(config: unknown, source: ResourceSource, context: FileSourceContext): string[] {
  const path = resolvePath(context.cwd, pyStr(config));
  if (!exists(path)) throw new ResolutionError(`${path} does not exist`);
  context.info(`Using ${relative(context.cwd, path) || "."} for ${sourceResolvingName(source)}`);
  return [path];
}

function sourcePath(source: ResourceSource, context: FileSourceContext): string {
  const uriPath = sourceUriPath(source);
  let path: string;
  try {
    path = pyStr(resolveRefs(uriPath, context.flagValues));
  } catch (error) {
    if (!(error instanceof UndefinedReferenceError)) throw error;
    throw new ResolutionError(`cannot resolve ${pyRepr(uriPath)} in ${sourceResolvingName(source)}: undefined reference '${error.reference}'`);
  }
  const absolute = isAbsolute(path) ? resolvePath(path) : resolvePath(context.location, path);
  if (!exists(absolute)) throw new ResolutionError(`cannot find source file '${path}'`);
  return absolute;
}

/** Every path under dir, as os.walk lists them (dirs then files of each dir, `/` separators). */
function allDirFiles(dir: string): string[] {
  const paths: string[] = [];
  const walk = (absolute: string, rel: string): void => {
    let entries;
    try {
      entries = readdirSync(absolute, { withFileTypes: true });
    } catch {
      return;
    }
    const dirs = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    const files = entries.filter((entry) => !entry.isDirectory()).map((entry) => entry.name);
    for (const name of [...dirs, ...files]) paths.push(rel ? `${rel}/${name}` : name);
    for (const name of dirs) walk(join(absolute, name), rel ? `${rel}/${name}` : name);
  };
  walk(dir, "");
  return paths;
}

/** resolver._root_paths: the top-level names among paths, `.guild*` left out. */
function rootPaths(root: string, paths: string[]): string[] {
  const names = new Set([...paths].sort().map((path) => path.split("/")[0]));
  return [...names].sort().filter((name) => !name.startsWith(".guild")).map((name) => join(root, name));
}

function selected(root: string, paths: string[], source: ResourceSource, context: FileSourceContext): string[] {
  return selectPaths(paths, source.select, context.error).map((path) => join(root, path));
}

function sha256(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

function verifyPath(path: string, source: ResourceSource, context: FileSourceContext): void {
  if (!exists(path)) throw new ResolutionError(`'${path}' does not exist`);
  if (!source.sha256) return;
  if (isDir(path)) {
    context.warn(`cannot verify '${path}' because it's a directory`);
    return;
  }
  const actual = sha256(path);
  if (actual !== source.sha256) throw new ResolutionError(`'${path}' has an unexpected sha256 (expected ${source.sha256} but got ${actual})`);
}

/** resolver._unpack_dir: archives in the project unpack into the resource cache, keyed by their path. */
export function unpackDirFor(path: string, resourceCacheDir: string): string {
  return join(resourceCacheDir, createHash("sha224").update(`file\n${path}`).digest("hex"));
}

/** The absolute paths a file source resolves to; throws ResolutionError when it cannot. */
export function resolveFileSource(source: ResourceSource, config: unknown, context: FileSourceContext): string[] {
  if (config !== null && config !== undefined && config !== "") return configPath(config, source, context);
  const path = sourcePath(source, context);
  let resolved: string[];
  if (isDir(path)) {
    resolved = source.select.length ? selected(path, allDirFiles(path), source, context) : [path];
  } else {
    verifyPath(path, source, context);
    const type = source.unpack ? archiveType(path, source.type) : null;
    if (type) {
      const unpackDir = unpackDirFor(path, context.resourceCacheDir);
      const members = unpackArchive(path, type, unpackDir, context);
      resolved = source.select.length ? selected(unpackDir, members, source, context) : rootPaths(unpackDir, members);
    } else {
      resolved = [path];
    }
  }
  if (resolved.length === 0) {
    if (source.failIfEmpty) throw new ResolutionError(`nothing resolved for ${sourceResolvingName(source)}`);
    if (source.warnIfEmpty) context.warn(`nothing resolved for ${sourceResolvingName(source)}`);
  }
  return resolved;
}
