// V8 code cache for the split CLI's CommonJS files: a file compiles from the bytecode an earlier command saved, not from source.
import Module from "node:module";
import vm from "node:vm";
import fs from "node:fs";
import path from "node:path";

export interface CodeCacheOptions {
  /** Only files directly in this directory use the cache; every other module compiles as usual. */
  sourceDir: string;
  /** Where the cached bytecode lives, one file per source file version. */
  cacheDir: string;
}

export interface CodeCache {
  /**
   * Saves the bytecode of each file that had no usable cache. Called as the process ends, so the
   * cache holds every function the command compiled, not only the files' top levels.
   */
  save(): void;
  /** How the files loaded so far were compiled. */
  counts(): { fromCache: number; fromSource: number };
  /** Puts Node's own compilation back (tests). */
  uninstall(): void;
}

/** guild's global options that take a value (cli.ts): the word after them is not the command. */
const GLOBAL_OPTIONS_WITH_VALUE = new Set(["-C", "-H"]);

/**
 * The name under which a command line's code cache is kept: its command's name (`run`, `runs`...),
 * read as cli.ts would without parsing fully, with `-help` when it asks for help. A file's bytecode
 * is saved once, by the first command of its group, so `guild run --help` must not be the one that
 * saves what `guild run` uses. A wrong guess costs only speed, never behaviour.
 */
export function codeCacheGroup(argv: readonly string[]): string {
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (GLOBAL_OPTIONS_WITH_VALUE.has(arg)) index += 1;
    else if (!arg.startsWith("-")) {
      const command = /^[a-z][a-z-]{0,30}$/.test(arg) ? arg : "other";
      return argv.includes("--help", index + 1) ? `${command}-help` : command;
    }
  }
  return "none";
}

type Compile = (this: Module, content: string, filename: string) => unknown;
type ModuleInternals = { prototype: { _compile: Compile }; wrap: (source: string) => string; _resolveFilename: (request: string, parent: Module) => string; _cache: unknown };

/**
 * The cache file of a source file's current version. V8 checks only the source's length against
 * the cached bytecode, so the name carries the file's modification time as well: a rebuilt file of
 * the same length never runs an older file's bytecode.
 */
function cacheFileFor(cacheDir: string, filename: string): string | undefined {
  // A build may remove a file that is no longer its own between Node reading it and this stat.
  const stat = fs.statSync(filename, { throwIfNoEntry: false });
  if (!stat) return undefined;
  return path.join(cacheDir, `${path.basename(filename)}.${stat.size}.${Math.trunc(stat.mtimeMs * 1000)}.v8`);
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Writes through a temporary file, so a command reading the cache never sees half of one. */
function writeAtomically(file: string, data: Buffer, uniqueSuffix: string): void {
  const temporary = `${file}.${uniqueSuffix}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temporary, data);
    fs.renameSync(temporary, file);
  } catch {
    // A read-only install, or one whose cache dir is not a directory, runs without the cache.
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // Nothing was written.
    }
  }
}

/** The `require` a CommonJS module sees, as Node makes it for the parts the CLI's files use. */
function requireFor(module: Module, internals: ModuleInternals): NodeJS.Require {
  const require = ((id: string) => module.require(id)) as NodeJS.Require;
  require.resolve = ((request: string) => internals._resolveFilename(request, module)) as NodeJS.RequireResolve;
  require.cache = internals._cache as NodeJS.Require["cache"];
  return require;
}

/**
 * Compiles the CommonJS files of `sourceDir` through vm.Script with the cached bytecode of their
 * current version, when there is one V8 accepts (same Node, same flags). `uniqueSuffix` names this
 * process's temporary files.
 */
export function installCodeCache(options: CodeCacheOptions, uniqueSuffix: string): CodeCache {
  const internals = Module as unknown as ModuleInternals;
  const nodeCompile = internals.prototype._compile;
  const toSave: { script: vm.Script; cacheFile: string }[] = [];
  let fromCache = 0;
  let fromSource = 0;
  internals.prototype._compile = function compileWithCache(this: Module, content: string, filename: string) {
    if (path.dirname(filename) !== options.sourceDir) return nodeCompile.call(this, content, filename);
    const cacheFile = cacheFileFor(options.cacheDir, filename);
    if (cacheFile === undefined) return nodeCompile.call(this, content, filename);
    const cachedData = readIfPresent(cacheFile);
    // Node drops a leading #! line before compiling; inside the wrapper it would be a syntax error.
    const source = content.startsWith("#!") ? `//${content.slice(2)}` : content;
    const script = new vm.Script(internals.wrap(source), { filename, cachedData });
    if (cachedData && !script.cachedDataRejected) fromCache += 1;
    else {
      fromSource += 1;
      toSave.push({ script, cacheFile });
    }
    const body = script.runInThisContext() as (...args: unknown[]) => unknown;
    return body.call(this.exports, this.exports, requireFor(this, internals), this, filename, path.dirname(filename));
  };
  return {
    save() {
      for (const { script, cacheFile } of toSave.splice(0)) writeAtomically(cacheFile, script.createCachedData(), uniqueSuffix);
    },
    counts: () => ({ fromCache, fromSource }),
    uninstall() {
      internals.prototype._compile = nodeCompile;
    },
  };
}
