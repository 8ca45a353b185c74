// Test support (never bundled: no entry point imports it): a command context capturing output, and args as the CLI parses them.
import path from "node:path";
import type { CommandContext, CommandSpec, ParsedArgs } from "./types.js";
import type { Io } from "../io.js";
import type { Fixture } from "../runs/run-fixtures.test-support.js";

export interface Captured {
  ctx: CommandContext;
  stdout: () => string;
  stderr: () => string;
}

export function captureContext(fixture: Fixture, commandPath: string, options: { input?: string[]; env?: Record<string, string>; cwd?: string } = {}): Captured {
  let stdout = "";
  let stderr = "";
  const input = [...(options.input ?? [])];
  const io: Io = {
    cwd: options.cwd ?? fixture.project,
    env: { HOME: path.join(fixture.root, "user"), ...options.env },
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readLine: async () => input.shift() ?? null,
    nowMicros: () => 0,
    newRunId: () => "0".repeat(32),
    randomSeed: () => 0,
    hostname: "host",
    pid: 1,
    interrupt: new AbortController().signal,
  };
  return {
    ctx: { io, guildHome: fixture.home, projectDir: options.cwd ?? fixture.project, commandPath },
    stdout: () => stdout,
    stderr: () => stderr,
  };
}

/** Parsed args as the CLI would pass them: every option at its default, then the overrides. */
export function argsFor(spec: CommandSpec, overrides: ParsedArgs = {}): ParsedArgs {
  const args: ParsedArgs = {};
  for (const option of spec.options) {
    const fallback = option.kind === "flag" ? false : option.kind === "multiple" ? [] : option.kind === "count" ? 0 : null;
    args[option.name] = option.default ?? fallback;
  }
  for (const argument of spec.arguments) args[argument.name] = argument.variadic ? [] : null;
  return { ...args, ...overrides };
}
