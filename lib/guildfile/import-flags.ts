// Guild's python_script plugin at load time: flags dest detection and flags import for `main` ops, with its cache.
import fs from "node:fs";
import path from "node:path";
import { ShlexError, shellSplit } from "../python/shlex.js";
import { nodeCrypto } from "../builtins.js";
import { loadYaml } from "../yaml/yaml.js";
import { pyJsonDumps } from "../python/json.js";
import { isMapping } from "../python/values.js";
import { flagDef, GuildfileError } from "./coerce.js";
import { argparseFlagsData, detectFlagsDest, findPythonModule, globalsFlagsData } from "./python-flags.js";
import type { FlagDef, Guildfile, OpDef, RawData } from "./types.js";

export interface FlagsImportContext {
  /** Guild home for the `cache/import-flags` cache; no caching when absent. */
  guildHome?: string;
  env?: Readonly<Record<string, string | undefined>>;
}

interface MessageSink {
  messages: string[];
}

/** The module and arguments of an op's `main`; shlex's error (e.g. No closing quotation) as the Guild file's. */
function splitMain(main: string, file: string): { module: string; baseArgs: string[] } {
  let words: string[];
  try {
    words = shellSplit(main);
  } catch (error) {
    if (error instanceof ShlexError) throw new GuildfileError(file, error.message, { bare: true });
    throw error;
  }
  const [module, ...baseArgs] = words;
  return { module: module ?? "", baseArgs };
}

function scriptFlagsData(file: string, dest: string | null): RawData {
  const source = fs.readFileSync(file, "utf8");
  const resolvedDest = dest ?? detectFlagsDest(source);
  let data: RawData = {};
  if (resolvedDest === "args") data = argparseFlagsData(source);
  else if (resolvedDest === "globals") data = globalsFlagsData(source);
  return { ...data, $dest: resolvedDest };
}

/** A module's flag data (with `$dest`) from Guild's import-flags cache, refreshed when the module is newer. */
export function cachedFlagsData(file: string, baseArgs: string[], dest: string | null, context: FlagsImportContext, sink: MessageSink): RawData {
  const env = context.env ?? {};
  const cacheFile = context.guildHome
    ? path.join(context.guildHome, "cache", "import-flags", nodeCrypto().createHash("md5").update([path.resolve(file), ...baseArgs].join("/")).digest("hex"))
    : null;
  if (cacheFile && env.NO_IMPORT_FLAGS_CACHE !== "1") {
    try {
      if (fs.statSync(file).mtimeMs <= fs.statSync(cacheFile).mtimeMs) {
        const cached = loadYaml(fs.readFileSync(cacheFile, "utf8"));
        if (isMapping(cached)) return cached;
      }
    } catch {
      // no usable cache entry
    }
  }
  if (env.NO_IMPORT_FLAGS_PROGRESS !== "1" && env.FLAGS_TEST !== "1" && !sink.messages.includes("Refreshing flags...")) {
    sink.messages.push("Refreshing flags...");
  }
  const data = scriptFlagsData(file, dest);
  if (cacheFile) {
    try {
      fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
      fs.writeFileSync(cacheFile, pyJsonDumps(data));
    } catch {
      // the cache is an optimisation only
    }
  }
  return data;
}

const BASELINE = flagDef("", {}, "");

/** Guild's _apply_flag_attrs: attributes the flag leaves at their defaults come from the imported flag. */
export function mergeFlag(existing: FlagDef, imported: FlagDef): void {
  const target = existing as unknown as Record<string, unknown>;
  const source = imported as unknown as Record<string, unknown>;
  const baseline = BASELINE as unknown as Record<string, unknown>;
  for (const key of Object.keys(baseline)) {
    if (key === "name") continue;
    if (JSON.stringify(target[key]) === JSON.stringify(baseline[key])) target[key] = source[key];
  }
}

/** Which imported flag names an op takes (flags-import, flags-import-skip); null when import is disabled. */
export function namesToImport(opdef: OpDef): ((name: string) => boolean) | null {
  const setting = opdef.flagsImport;
  if (setting === false || (Array.isArray(setting) && setting.length === 0)) return null;
  const skip = new Set(Array.isArray(opdef.flagsImportSkip) ? opdef.flagsImportSkip.map(String) : []);
  if (setting === true) return (name) => !skip.has(name);
  const wanted = new Set(setting === null ? opdef.flags.map((flag) => flag.name) : Array.isArray(setting) ? setting.map(String) : [String(setting)]);
  return (name) => wanted.has(name) && !skip.has(name);
}

/** Sets the op's flags dest (when not given) and merges imported flag data as Guild does. */
export function applyPythonFlags(opdef: OpDef, guildfile: Guildfile & MessageSink, context: FlagsImportContext): void {
  if (opdef.main === null) return;
  const { module, baseArgs } = splitMain(opdef.main, guildfile.path);
  if (module.startsWith("guild.")) {
    if (!module.startsWith("guild.plugins.") && opdef.flagsDest === null) opdef.flagsDest = "globals";
    return;
  }
  const accept = namesToImport(opdef);
  if (!accept) return;
  const location = findPythonModule(module, [guildfile.dir]);
  if (!location) {
    if (context.env?.NO_WARN_FLAGS_IMPORT !== "1") guildfile.messages.push(`WARNING: cannot import flags from ${module}: No module named ${module}`);
    return;
  }
  const data = { ...cachedFlagsData(location.file, baseArgs, opdef.flagsDest, context, guildfile) };
  const dest = data.$dest;
  delete data.$dest;
  if (opdef.flagsDest === null && typeof dest === "string") opdef.flagsDest = dest;
  for (const [name, flagData] of Object.entries(data)) {
    if (!accept(name) || !isMapping(flagData)) continue;
    const imported = flagDef(name, flagData, guildfile.path);
    const existing = opdef.flags.find((flag) => flag.name === name);
    if (existing) mergeFlag(existing, imported);
    else opdef.flags.push(imported);
  }
  opdef.flags.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
