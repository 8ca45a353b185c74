// The program `guild diff` runs on a pair of paths: --cmd, the user config's diff command, else the first known tool on PATH.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { shellSplit } from "../../lib/python/shlex.js";
import { isMapping } from "../../lib/python/values.js";
import { pyRepr } from "../../lib/python/repr.js";
import { loadYaml } from "../../lib/yaml/yaml.js";
import { CliError, type Io } from "../io.js";

/** Guild's fallback when no diff tool is found. */
export const DEFAULT_DIFF_CMD = "diff -ru";

/** Diff tools Guild looks for on Linux, in order. */
const LINUX_DIFF_TOOLS = ["meld", "xxdiff -r", "dirdiff", "colordiff"];

/** A diff tool may stay open as long as its user wants; an hour bounds a forgotten one. */
const DIFF_TIMEOUT_MS = 60 * 60 * 1000;

type Env = Readonly<Record<string, string | undefined>>;

/** config.user_config_path: $GUILD_CONFIG, else `guild-config.yml` in the project dir, else ~/.guild/config.yml. */
function userConfigPath(env: Env, projectDir: string): string | null {
  if (env.GUILD_CONFIG) return env.GUILD_CONFIG;
  const local = path.join(projectDir, "guild-config.yml");
  if (fs.existsSync(local)) return local;
  return env.HOME ? path.join(env.HOME, ".guild", "config.yml") : null;
}

/** The user config's `diff: command:` as a map of extension patterns to commands (a string is the default), or null. */
function configDiffCommands(env: Env, projectDir: string, warn: (message: string) => void): Map<string, string> | null {
  const file = userConfigPath(env, projectDir);
  let data: unknown;
  try {
    data = file ? loadYaml(fs.readFileSync(file, "utf8")) : null;
  } catch {
    return null;
  }
  const diff = isMapping(data) ? data.diff : null;
  const command = isMapping(diff) ? diff.command : null;
  if (command === null || command === undefined) return null;
  if (typeof command === "string") return new Map([["default", command]]);
  if (isMapping(command)) return new Map(Object.entries(command).map(([key, value]) => [key, String(value)]));
  warn(`unsupported configuration for diff command: ${pyRepr(command)}`);
  return null;
}

/** os.path.splitext's extension. */
function extension(file: string): string {
  const base = path.basename(file);
  const dot = base.lastIndexOf(".");
  return dot > 0 && base.slice(0, dot).replace(/\./g, "") !== "" ? base.slice(dot) : "";
}

function safeSearch(text: string, pattern: string): boolean {
  try {
    return new RegExp(pattern).test(text);
  } catch {
    return false;
  }
}

/** util.which for the first word of a command. */
function onPath(command: string, env: Env): boolean {
  const program = command.split(" ", 1)[0];
  return (env.PATH ?? "").split(":").some((dir) => {
    if (!dir) return false;
    try {
      fs.accessSync(path.join(dir, program), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

const firstFound = (commands: string[], env: Env) => commands.find((command) => onPath(command, env)) ?? DEFAULT_DIFF_CMD;

/** diff_impl._diff_cmd for a path pair whose first path is `file`. */
export function diffCommandFor(file: string, given: string | null, env: Env, projectDir: string, warn: (message: string) => void): string {
  if (given) return given;
  const configured = configDiffCommands(env, projectDir, warn);
  if (configured) {
    const ext = extension(file);
    for (const [pattern, command] of configured) {
      if (pattern !== "default" && (ext === pattern || safeSearch(ext, pattern))) return command;
    }
    const fallback = configured.get("default");
    if (fallback) return fallback;
  }
  if (extension(file) === ".ipynb") return firstFound(["nbdiff-web -M"], env);
  return firstFound(LINUX_DIFF_TOOLS, env);
}

/** Runs the diff command on two paths; its exit status is ignored, as Guild ignores it. A hosted CLI passes its output on. */
export function runDiff(command: string, file: string, otherFile: string, io: Io): void {
  const args = [...shellSplit(command), file, otherFile];
  const result = spawnSync(args[0], args.slice(1), {
    cwd: io.cwd,
    env: io.env as NodeJS.ProcessEnv,
    stdio: io.hosted ? ["ignore", "pipe", "pipe"] : "inherit",
    encoding: "utf8",
    timeout: DIFF_TIMEOUT_MS,
    maxBuffer: 1024 * 1024 * 1024,
  });
  const error = result.error as NodeJS.ErrnoException | undefined;
  if (error?.code === "ENOENT") throw new CliError(`error running '${args.join(" ")}': [Errno 2] No such file or directory: '${args[0]}'`);
  if (error?.code === "EACCES") throw new CliError(`error running '${args.join(" ")}': [Errno 13] Permission denied: '${args[0]}'`);
  if (error) throw new CliError(`error running '${args.join(" ")}': ${error.message}`);
  if (io.hosted) {
    if (result.stdout) io.stdout(result.stdout);
    if (result.stderr) io.stderr(result.stderr);
  }
}
