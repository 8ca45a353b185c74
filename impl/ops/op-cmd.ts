// The operation command (Guild's OpCmd): args template, env, per-flag settings, and generating real args/env.
import fs from "node:fs";
import path from "node:path";
import { CliError } from "../io.js";
import { shellSplit } from "../../lib/python/shlex.js";
import { encodeEnvValue, encodeFlagArg, flagEnvName, type CmdFlag } from "../flags/cmd-encode.js";
import { encodeFlagValue } from "../flags/encode.js";
import { resolveRefs, UndefinedReferenceError } from "../flags/refs.js";
import type { OpDef } from "../../lib/guildfile/index.js";
import type { FlagValues } from "./flag-values.js";

export const GUILD_PLUGINS = ["cpu", "disk", "memory", "perf", "python_script"];
export const FLAG_ARGS_MARKER = "__flag_args__";

export interface OpCmd {
  /** Template args: `${python_exe}`, `__flag_args__` and `${flag}` refs unresolved. */
  cmdArgs: string[];
  cmdEnv: Record<string, string>;
  cmdFlags: Record<string, CmdFlag>;
  flagsDest: string;
  /** main: python module op; exec: command; steps: stepped op. */
  kind: "main" | "exec" | "steps";
}

function cmdFlagsForOpdef(opdef: OpDef): Record<string, CmdFlag> {
  const flags: Record<string, CmdFlag> = {};
  for (const flag of opdef.flags) {
    const cmdFlag: CmdFlag = {
      argName: flag.argName,
      argSkip: flag.argSkip ?? opdef.defaultFlagArgSkip,
      argSwitch: flag.argSwitch,
      argSplit: flag.argSplit,
      envName: flag.envName,
      argEncoding: flag.argEncoding,
      envEncoding: flag.envEncoding,
    };
    flags[flag.name] = cmdFlag;
  }
  return flags;
}

/** Guild's op_cmd.as_data form of the per-flag settings (only non-default values). */
export function cmdFlagsAsData(cmdFlags: Record<string, CmdFlag>): Record<string, Record<string, unknown>> {
  const data: Record<string, Record<string, unknown>> = {};
  for (const [name, flag] of Object.entries(cmdFlags)) {
    const item: Record<string, unknown> = {};
    if (flag.argName) item["arg-name"] = flag.argName;
    if (flag.argSkip) item["arg-skip"] = flag.argSkip;
    if (flag.argSwitch !== null && flag.argSwitch !== undefined && flag.argSwitch !== false) item["arg-switch"] = flag.argSwitch;
    if (flag.argSplit !== null && flag.argSplit !== undefined) item["arg-split"] = flag.argSplit;
    if (flag.envName) item["env-name"] = flag.envName;
    if (flag.argEncoding && Object.keys(flag.argEncoding).length) item["arg-encoding"] = flag.argEncoding;
    if (flag.envEncoding && Object.keys(flag.envEncoding).length) item["env-encoding"] = flag.envEncoding;
    if (Object.keys(item).length) data[name] = item;
  }
  return data;
}

function splitCommand(text: string, opdef: OpDef): string[] {
  try {
    return shellSplit(text);
  } catch (error) {
    throw new CliError(`invalid definition for operation '${opdef.fullname}': ${(error as Error).message}`);
  }
}

/** op_util.python_path_env: the op's source code dest first, then the caller's PYTHONPATH, so `main` modules copied under a dest are found. */
export function opPythonPath(opdef: OpDef, envPythonPath: string | undefined): string {
  const sourceCodeDest = opdef.sourcecode.dest ?? opdef.model.sourcecode.dest ?? ".";
  return [...new Set([sourceCodeDest, ...(envPythonPath ?? "").split(":").filter(Boolean)])].join(":");
}

/** op_util._op_cmd_for_opdef: the command template of an operation. */
export function opCmdForOpdef(opdef: OpDef, pythonPath: string): OpCmd {
  const projectDir = opdef.model.guildfile.dir;
  let cmdArgs: string[];
  let kind: OpCmd["kind"];
  if (opdef.exec !== null) {
    // op_util._apply_main_args and _apply_flag_args_marker: `${main_args}` and `${flag_args}` stand alone in exec.
    const mainArgs = opdef.main === null ? [] : splitCommand(opdef.main, opdef);
    cmdArgs = splitCommand(opdef.exec, opdef)
      .flatMap((arg) => (arg === "${main_args}" ? mainArgs : [arg]))
      .map((arg) => (arg === "${flag_args}" ? FLAG_ARGS_MARKER : arg));
    kind = "exec";
  } else if (opdef.main !== null) {
    cmdArgs = ["${python_exe}", "-um", "guild.op_main", ...splitCommand(opdef.main, opdef), "--", FLAG_ARGS_MARKER];
    kind = "main";
  } else if (opdef.steps !== null) {
    cmdArgs = ["${python_exe}", "-um", "guild.steps_main"];
    kind = "steps";
  } else {
    throw new CliError(`invalid definition for operation '${opdef.fullname}': must define either exec, main, or steps`);
  }
  cmdArgs = cmdArgs.map((arg) => arg.split("${project_dir}").join(projectDir));
  const cmdEnv: Record<string, string> = {};
  for (const [name, value] of Object.entries(opdef.env)) cmdEnv[name] = encodeEnvValue(value);
  if (opdef.flagsDest && kind !== "steps") cmdEnv.FLAGS_DEST = opdef.flagsDest;
  cmdEnv.GUILD_PLUGINS = GUILD_PLUGINS.join(",");
  cmdEnv.PROJECT_DIR = projectDir;
  cmdEnv.PYTHONPATH = pythonPath;
  return { cmdArgs, cmdEnv, cmdFlags: cmdFlagsForOpdef(opdef), flagsDest: opdef.flagsDest ?? "args", kind };
}

function flagArgs(values: FlagValues, opCmd: OpCmd, args: string[], warn: (message: string) => void): string[] {
  const out: string[] = [];
  for (const name of Object.keys(values).sort()) {
    const value = values[name];
    const cmdFlag = opCmd.cmdFlags[name] ?? {};
    if (cmdFlag.argSkip) continue;
    const argName = cmdFlag.argName || name;
    if (args.includes(`--${argName}`)) {
      warn(`ignoring flag '${name}=${encodeFlagValue(value)}' because it's shadowed in the operation cmd as --${argName}`);
      continue;
    }
    if (cmdFlag.argSwitch !== null && cmdFlag.argSwitch !== undefined) {
      if (cmdFlag.argSwitch === value) out.push(`--${argName}`);
      continue;
    }
    if (value === null) continue;
    if (!Array.isArray(value) && cmdFlag.argSplit !== null && cmdFlag.argSplit !== undefined) {
      const encoded = typeof value === "string" ? value : encodeFlagArg(value, opCmd.flagsDest, cmdFlag);
      const parts = cmdFlag.argSplit === true || cmdFlag.argSplit === "shlex" ? shellSplit(encoded) : encoded.split(String(cmdFlag.argSplit)).filter(Boolean);
      if (parts.length) out.push(`--${argName}`, ...parts);
      continue;
    }
    out.push(`--${argName}`, encodeFlagArg(value, opCmd.flagsDest, cmdFlag));
  }
  return out;
}

/** op_cmd._gen_args: refs resolved with env-encoded values, the marker replaced by flag args. */
export function generateArgs(opCmd: OpCmd, values: FlagValues, pythonExe: string, warn: (message: string) => void): string[] {
  const params: Record<string, unknown> = {};
  for (const [name, value] of Object.entries({ ...values, python_exe: pythonExe })) params[name] = encodeEnvValue(value, opCmd.cmdFlags[name]);
  const args: string[] = [];
  for (const arg of opCmd.cmdArgs) {
    if (arg === FLAG_ARGS_MARKER) args.push(...flagArgs(values, opCmd, args, warn));
    else {
      try {
        args.push(String(resolveRefs(arg, params)));
      } catch (error) {
        if (error instanceof UndefinedReferenceError) {
          throw new CliError(`invalid setting for operation: command contains invalid reference '${error.reference}'`);
        }
        throw error;
      }
    }
  }
  return args;
}

/** op_cmd._gen_env: cmd env with refs resolved plus FLAG_* for every flag. */
export function generateEnv(opCmd: OpCmd, values: FlagValues): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(opCmd.cmdEnv)) {
    const resolved = resolveRefs(value, values, { value: null });
    env[name] = typeof resolved === "string" ? resolved : encodeEnvValue(resolved);
  }
  for (const [name, value] of Object.entries(values)) {
    const cmdFlag = opCmd.cmdFlags[name] ?? {};
    env[flagEnvName(name, cmdFlag)] = encodeEnvValue(value, cmdFlag);
  }
  return env;
}

/** Default python: $GUILD_PYTHON_EXE, else the active virtualenv/conda python, else python3 on PATH. */
export function pythonExe(env: Readonly<Record<string, string | undefined>>): string {
  if (env.GUILD_PYTHON_EXE) return env.GUILD_PYTHON_EXE;
  if (env.VIRTUAL_ENV) return path.join(env.VIRTUAL_ENV, "bin", "python");
  if (env.CONDA_PREFIX) return path.join(env.CONDA_PREFIX, "bin", "python");
  for (const dir of (env.PATH ?? "").split(":")) {
    if (!dir) continue;
    const candidate = path.join(dir, "python3");
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not in this PATH entry
    }
  }
  return "python3";
}
