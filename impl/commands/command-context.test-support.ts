// Test support (never bundled: no entry point imports it): a command context capturing output, and args as the CLI parses them.
import path from "node:path";
import type { ArgumentSpec, OptionSpec, ParsedArgs } from "../cli/options.js";
import { parseCommandLine } from "../cli/parse.js";
import type { CommandContext } from "../context.js";
import type { GuildCommand } from "./command.js";
import { testIo } from "../test-io.test-support.js";
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
  const io = testIo({
    cwd: options.cwd ?? fixture.project,
    env: { HOME: path.join(fixture.root, "user"), ...options.env },
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readLine: async () => input.shift() ?? null,
  });
  return {
    ctx: { io, guildHome: fixture.home, projectDir: options.cwd ?? fixture.project, commandPath },
    stdout: () => stdout,
    stderr: () => stderr,
  };
}

/** Parsed args as the CLI passes them for an empty command line (every option at its default), then the overrides. */
export function argsFor<Options extends readonly OptionSpec[], Arguments extends readonly ArgumentSpec[]>(
  command: GuildCommand<Options, Arguments>,
  overrides: Partial<ParsedArgs<Options, Arguments>> = {},
): ParsedArgs<Options, Arguments> {
  const parsed = parseCommandLine(command, [], command.name);
  if (parsed.help) throw new Error("an empty command line asks for no help");
  return { ...parsed.values, ...overrides };
}
