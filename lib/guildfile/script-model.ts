// A Python script run as an operation (Guild's python_script plugin): the anonymous model '' with one exec op named after the file.
import fs from "node:fs";
import path from "node:path";
import { shellQuote } from "../python/shlex.js";
import { isMapping } from "../python/values.js";
import { flagDef, sourceCodeSpec } from "./coerce.js";
import { cachedFlagsData, type FlagsImportContext } from "./import-flags.js";
import type { LoadedGuildfile } from "./load.js";
import type { FlagDef, ModelDef, OpDef } from "./types.js";

export interface ScriptOp {
  /** The model's stand-in Guild file: no file, `dir` is the project dir (the common path of script and cwd). */
  guildfile: LoadedGuildfile;
  opdef: OpDef;
  /** The opref package name: the absolute dir of the script as named (`script:<dir> '' '' <file>`). */
  pkgName: string;
}

/** python_util.is_python_script on `cwd/opspec`. */
export function isPythonScript(file: string): boolean {
  if (!file.endsWith(".py")) return false;
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** os.path.commonpath of two absolute paths. */
function commonPath(a: string, b: string): string {
  const aParts = a.split(path.sep);
  const bParts = b.split(path.sep);
  let index = 0;
  while (index < aParts.length && index < bParts.length && aParts[index] === bParts[index]) index++;
  return aParts.slice(0, index).join(path.sep) || path.sep;
}

function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/** The script op for `opspec` relative to `cwd`, or null when it names no Python script. */
export function scriptOp(opspec: string | null, cwd: string, context: FlagsImportContext = {}): ScriptOp | null {
  if (!opspec) return null;
  const scriptPath = path.resolve(cwd, opspec);
  if (!isPythonScript(scriptPath)) return null;
  const opName = path.basename(scriptPath);
  const realScript = realPath(scriptPath);
  const projectDir = commonPath(realScript, cwd);
  const relScript = path.relative(projectDir, realScript);
  const module = path.relative(cwd, path.resolve(cwd, relScript.slice(0, -3)));
  const guildfile: LoadedGuildfile = { path: path.join(projectDir, "guild.yml"), dir: projectDir, md5: "", models: [], messages: [] };
  const flagsData = { ...cachedFlagsData(scriptPath, [], null, context, guildfile) };
  const dest = typeof flagsData.$dest === "string" ? flagsData.$dest : null;
  delete flagsData.$dest;
  const exec = `\${python_exe} -um guild.op_main ${shellQuote(module)} \${flag_args}`;
  const flags = Object.keys(flagsData)
    .sort()
    .filter((name) => isMapping(flagsData[name]))
    .map((name) => flagDef(name, flagsData[name], guildfile.path));
  return { guildfile, opdef: anonymousOp(guildfile, opName, exec, flags, dest), pkgName: path.dirname(scriptPath) };
}

/** Guild's exec_script plugin: any other existing file is run as a command, when it is executable. */
export function execScriptOp(opspec: string | null, cwd: string): ScriptOp | "not-executable" | null {
  if (!opspec) return null;
  const scriptPath = path.resolve(cwd, opspec);
  if (!fs.existsSync(scriptPath)) return null;
  if (!isExecutableFile(scriptPath)) return "not-executable";
  const dir = path.dirname(scriptPath);
  const guildfile: LoadedGuildfile = { path: path.join(dir, "guild.yml"), dir, md5: "", models: [], messages: [] };
  // The op is named by the opspec as given, its package is the cwd (script_model_ref of the path less the opspec).
  return { guildfile, opdef: anonymousOp(guildfile, opspec, scriptPath, [], null), pkgName: path.resolve(cwd) };
}

function isExecutableFile(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The model '' holding one op made from a file, as the script plugins' model proxies build it. */
function anonymousOp(guildfile: LoadedGuildfile, opName: string, exec: string, flags: FlagDef[], dest: string | null): OpDef {
  const model: ModelDef = { name: "", description: "", default: false, operations: [], sourcecode: sourceCodeSpec(null, guildfile.path), guildfile, raw: {} };
  const opdef: OpDef = {
    name: opName,
    fullname: opName,
    model,
    description: "",
    default: false,
    main: null,
    exec,
    steps: null,
    flags,
    flagsDest: dest,
    flagsImport: null,
    flagsImportSkip: null,
    requires: [],
    outputScalars: null,
    compare: null,
    sourcecode: sourceCodeSpec(null, guildfile.path),
    label: null,
    tags: [],
    env: {},
    defaultFlagArgSkip: false,
    deleteOnSuccess: false,
    pythonRequires: null,
    raw: { exec, "flags-dest": dest },
  };
  model.operations.push(opdef);
  guildfile.models.push(model);
  return opdef;
}
