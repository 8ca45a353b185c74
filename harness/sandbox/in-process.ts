// Runs a plain `guild ARGS` command inside the harness process, as the spawned reference CLI would run it.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { CappedOutput, DEFAULT_OUTPUT_LIMIT_BYTES } from "./capped-output.js";
import type { CommandRequest, CommandResult } from "./command.js";
import type { HostServices } from "./host.js";
import type { HostedCli } from "../../lib/hosted/command.js";
import { PROCESS_TAG_VARIABLE, killProcessesOf, processGroupOf } from "./process-tree.js";

/**
 * The reference CLI as a module (`dist/guild-in-process.mjs` beside `dist/bin/`), loaded at its
 * first command; undefined when it is not built.
 */
export function hostedReferenceCli(referenceBinDir: string): HostedCli | undefined {
  const file = path.join(referenceBinDir, "..", "guild-in-process.mjs");
  if (!fs.existsSync(file)) return undefined;
  let loaded: Promise<HostedCli> | null = null;
  return (command) => {
    loaded ??= import(pathToFileURL(file).href).then((module: { runHostedCommand: HostedCli }) => module.runHostedCommand);
    return loaded.then((cli) => cli({ selfCommand: [path.join(referenceBinDir, "guild")], ...command }));
  };
}

/** Characters the shell passes on as they are: plain ASCII, and any non-ASCII character but a surrogate. */
const PLAIN_WORD = /^[A-Za-z0-9_./:=,@%+\-\u0080-\uD7FF\uE000-\uFFFF]$/;

/**
 * The argv of a command that is nothing but `guild` and words the shell would pass unchanged
 * (plain characters, '...' and "..." without expansions); null for anything else: pipes,
 * redirections, variables, globs, several commands, assignments, escapes.
 */
export function plainGuildArgv(command: string): string[] | null {
  const words: string[] = [];
  let word: string | null = null;
  const text = command.trim();
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === " " || char === "\t") {
      if (word !== null) words.push(word);
      word = null;
    } else if (char === "'" || char === '"') {
      const end = text.indexOf(char, index + 1);
      if (end < 0) return null;
      const quoted = text.slice(index + 1, end);
      if (char === '"' && /[$`\\!]/.test(quoted)) return null;
      word = (word ?? "") + quoted;
      index = end;
    } else if (PLAIN_WORD.test(char)) {
      word = (word ?? "") + char;
    } else {
      return null;
    }
  }
  if (word !== null) words.push(word);
  return words[0] === "guild" ? words.slice(1) : null;
}

/** Exit code reported for a command stopped at its timeout or by an interrupt (as command.ts reports). */
const KILLED_EXIT_CODE = -9;

/** The host's process group, read once: the harness never changes its own group. */
const hostGroups = new Map<number, number | undefined>();
function hostGroupOf(pid: number): number | undefined {
  if (!hostGroups.has(pid)) hostGroups.set(pid, processGroupOf(pid));
  return hostGroups.get(pid);
}

/**
 * Runs `argv` with the hosted CLI as `/bin/sh -c` would run the reference CLI: the environment
 * gains PWD (dash sets it), the working directory is the physical one, stdout and stderr share one
 * stream, and processes the command starts carry its tag. At its timeout (or an interrupt) the
 * processes it started are killed and its later output dropped; the command's own work ends when
 * its op's death reaches it.
 */
export async function runHostedCommand(cli: HostedCli, argv: string[], request: CommandRequest, host: HostServices): Promise<CommandResult> {
  if (host.interrupt?.aborted) return { output: "", exitCode: KILLED_EXIT_CODE, timedOut: false, interrupted: true, droppedBytes: 0 };
  const cwd = fs.realpathSync(request.cwd);
  const env: Record<string, string> = { ...request.env, PWD: cwd };
  if (request.tag !== undefined) env[PROCESS_TAG_VARIABLE] = request.tag;
  // The CLI's text goes through the bytes a process would write (UTF-8), read as the request says.
  const output = new CappedOutput(request.outputLimitBytes ?? DEFAULT_OUTPUT_LIMIT_BYTES, request.encoding);
  let open = true;
  const write = (text: string) => {
    if (open) output.append(Buffer.from(text));
  };
  const stopCli = new AbortController();
  const running = cli({ argv, cwd, env, write, interrupt: stopCli.signal, pid: host.pid ?? 0 });
  let stoppedBy: "timeout" | "interrupt" | null = null;
  let timer: NodeJS.Timeout | undefined;
  let onInterrupt = () => undefined as void;
  const stopped = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      stoppedBy = "timeout";
      resolve();
    }, request.timeoutSeconds * 1000);
    onInterrupt = () => {
      stoppedBy ??= "interrupt";
      resolve();
    };
    host.interrupt?.addEventListener("abort", onInterrupt, { once: true });
  });
  try {
    const code = await Promise.race([running, stopped]);
    if (stoppedBy === null) return { output: output.text(), exitCode: code as number, timedOut: false, interrupted: false, droppedBytes: output.droppedBytes };
    open = false;
    stopCli.abort("SIGKILL");
    running.catch(() => undefined);
    return { output: output.text(), exitCode: KILLED_EXIT_CODE, timedOut: stoppedBy === "timeout", interrupted: stoppedBy === "interrupt", droppedBytes: output.droppedBytes };
  } finally {
    clearTimeout(timer);
    host.interrupt?.removeEventListener("abort", onInterrupt);
    // As when the spawned CLI's process group goes: what the command started in the group (here the
    // harness's own) goes with it; a process that made a group of its own (a daemon) lives on, unless
    // the command was stopped, which kills all it started.
    if (request.tag !== undefined) {
      const tagGroup = stoppedBy === null && host.pid !== undefined ? hostGroupOf(host.pid) : undefined;
      await killProcessesOf({ tag: request.tag, ...(tagGroup !== undefined ? { tagGroup } : {}) }, host.kill);
    }
  }
}
