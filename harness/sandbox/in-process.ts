// Runs a plain `guild ARGS` command inside the harness process, as the spawned reference CLI would run it.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { CappedOutput, DEFAULT_OUTPUT_LIMIT_BYTES } from "./capped-output.js";
import type { CommandRequest, CommandResult } from "./command.js";
import type { HostServices } from "./host.js";
import { inProcessModuleFile } from "./in-process-module.js";
import type { HostedCli } from "../../lib/hosted/command.js";
import { PROCESS_TAG_VARIABLE, killProcessesOf } from "./process-tree.js";

/**
 * The reference CLI as a module (`dist/guild-in-process.mjs` beside `dist/bin/`), loaded at its
 * first command; undefined when it is not built.
 */
export function hostedReferenceCli(referenceBinDir: string): HostedCli | undefined {
  const file = inProcessModuleFile(referenceBinDir);
  if (!fs.existsSync(file)) return undefined;
  let loaded: Promise<HostedCli> | null = null;
  return (command) => {
    loaded ??= import(pathToFileURL(file).href).then((module: { runHostedCommand: HostedCli }) => module.runHostedCommand);
    return loaded.then((cli) => cli({ selfCommand: [path.join(referenceBinDir, "guild")], ...command }));
  };
}

/** Characters the shell passes on as they are: plain ASCII, and any non-ASCII character but a surrogate. */
const PLAIN_WORD = /^[A-Za-z0-9_./:=,@%+\]\-\u0080-\uD7FF\uE000-\uFFFF]$/;

/** A piece of a word that may be a glob pattern: a character as it is, any one character, or any run of them. */
type PatternPiece = { kind: "char"; char: string } | { kind: "one" } | { kind: "any" };

/**
 * The argv of a command that is nothing but `guild` and words the shell would pass unchanged
 * (plain characters, '...' and "..." without expansions); null for anything else: pipes,
 * redirections, variables, several commands, assignments, escapes.
 *
 * A word with `*`, `?` or `[` outside quotes is a pattern the shell expands into the paths it
 * matches, and passes on unchanged when it matches none (`lr=[0.1,0.01]`, `x=[-2.0:2.0]`). Given
 * the names in the command's directory, such a word is kept when it cannot match any of them; a
 * pattern that might match, reaches into other directories, or nests brackets is left to the shell.
 */
export function plainGuildArgv(command: string, namesInCwd?: () => readonly string[]): string[] | null {
  const words: string[] = [];
  let word: string | null = null;
  // The word's characters as a pattern, and whether any of them is a wildcard.
  let pieces: PatternPiece[] = [];
  let isPattern = false;
  const endWord = (): boolean => {
    if (word === null) return true;
    if (isPattern && !cannotMatch(word, pieces, namesInCwd)) return false;
    words.push(word);
    word = null;
    pieces = [];
    isPattern = false;
    return true;
  };
  const text = command.trim();
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (char === " " || char === "\t") {
      if (!endWord()) return null;
    } else if (char === "'" || char === '"') {
      const end = text.indexOf(char, index + 1);
      if (end < 0) return null;
      const quoted = text.slice(index + 1, end);
      if (char === '"' && /[$`\\!]/.test(quoted)) return null;
      word = (word ?? "") + quoted;
      for (const each of quoted) pieces.push({ kind: "char", char: each });
      index = end;
    } else if (char === "*" || char === "?") {
      word = (word ?? "") + char;
      pieces.push({ kind: char === "*" ? "any" : "one" });
      isPattern = true;
    } else if (char === "[") {
      const close = bracketEnd(text, index);
      if (close === null) return null;
      // An unclosed `[` is itself; reading it as any one character covers that too.
      const through = close < 0 ? index : close;
      word = (word ?? "") + text.slice(index, through + 1);
      pieces.push({ kind: "one" });
      isPattern = true;
      index = through;
    } else if (PLAIN_WORD.test(char)) {
      word = (word ?? "") + char;
      pieces.push({ kind: "char", char });
    } else {
      return null;
    }
  }
  if (!endWord()) return null;
  return words[0] === "guild" ? words.slice(1) : null;
}

/**
 * Where the bracket expression opened at `open` closes: the index of its `]`, -1 when it does not
 * close within the word (the `[` is then an ordinary character), null when it holds what this
 * reading does not follow (quotes, escapes, nested brackets such as `[[:alpha:]]`).
 */
function bracketEnd(text: string, open: number): number | null {
  let index = open + 1;
  if (text[index] === "!" || text[index] === "^") index += 1;
  // A `]` first in the set is one of its characters.
  if (text[index] === "]") index += 1;
  for (; index < text.length; index += 1) {
    const char = text[index]!;
    if (char === "]") return index;
    if (char === " " || char === "\t") return -1;
    if (!PLAIN_WORD.test(char)) return null;
  }
  return -1;
}

/** Whether a pattern word matches no name in the command's directory (so the shell passes it on). */
function cannotMatch(word: string, pattern: readonly PatternPiece[], namesInCwd: (() => readonly string[]) | undefined): boolean {
  // Shells differ on what `?` takes of a multibyte character: any non-ASCII is left to the shell.
  if (namesInCwd === undefined || word.includes("/") || !isAscii(word)) return false;
  return ![".", "..", ...namesInCwd()].some((name) => !isAscii(name) || loosePatternMatches(pattern, name));
}

function isAscii(text: string): boolean {
  return /^[\x00-\x7f]*$/.test(text);
}

/**
 * Whether `name` fits the pattern, each bracket expression read as any one character: a match by
 * the shell's rules (which also keep `*` off a leading dot) is always a match here.
 */
function loosePatternMatches(pattern: readonly PatternPiece[], name: string): boolean {
  let piece = 0;
  let at = 0;
  // The last `*` seen and where its run ends for now: on a mismatch it takes one more character.
  let star = -1;
  let starAt = 0;
  while (at < name.length) {
    const current = pattern[piece];
    if (current !== undefined && current.kind === "any") {
      star = piece;
      starAt = at;
      piece += 1;
    } else if (current !== undefined && (current.kind === "one" || current.char === name[at])) {
      piece += 1;
      at += 1;
    } else if (star >= 0) {
      piece = star + 1;
      starAt += 1;
      at = starAt;
    } else {
      return false;
    }
  }
  while (pattern[piece]?.kind === "any") piece += 1;
  return piece === pattern.length;
}

/** Exit code reported for a command stopped at its timeout or by an interrupt (as command.ts reports). */
const KILLED_EXIT_CODE = -9;

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
      const tagGroup = stoppedBy === null ? host.processGroup : undefined;
      await killProcessesOf({ tag: request.tag, ...(tagGroup !== undefined ? { tagGroup } : {}) }, host.kill);
    }
  }
}
