// The Guild file of the command's project dir, with Guild's error report and load-time messages.
import { CliError } from "../io.js";
import type { CommandContext } from "../context.js";
import { GuildfileError, loadGuildfileIfExists, type LoadedGuildfile } from "../../lib/guildfile/index.js";

/**
 * The project's Guild file, or null when the project dir has none. Bad files → ERROR line + CliError.
 * `guild run` logs the error itself (`ERROR: error in <path>: ...`); model listings log it as the
 * model importer does (`ERROR: error loading guildfile from <dir>: ...`).
 */
export function loadProjectGuildfile(ctx: CommandContext, errorStyle: "run" | "models" = "models"): LoadedGuildfile | null {
  const location = ctx.projectDirArg ?? ".";
  let guildfile: LoadedGuildfile | null;
  try {
    guildfile = loadGuildfileIfExists(ctx.projectDir, { guildHome: ctx.guildHome, env: ctx.io.env });
  } catch (error) {
    if (!(error instanceof GuildfileError)) throw error;
    const logged = errorStyle === "run" ? error.message : `error loading guildfile from ${location}: ${error.message}`;
    ctx.io.stderr(`ERROR: ${logged}\n`);
    const where = location === "." || location === ctx.io.cwd ? "the current directory" : `'${location}'`;
    throw new CliError(`guildfile in ${where} contains an error (see above for details)`);
  }
  printLoadMessages(ctx, guildfile?.messages ?? []);
  return guildfile;
}

/** Notes Guild prints once per command (cli.note_once), by the command's Io. */
const notesPrinted = new WeakMap<object, Set<string>>();
const ONCE_PER_COMMAND = new Set(["Refreshing flags..."]);

/** Writes a Guild file's load-time messages to stderr; a note already printed by this command is left out. */
export function printLoadMessages(ctx: CommandContext, messages: readonly string[]): void {
  let printed = notesPrinted.get(ctx.io);
  if (!printed) notesPrinted.set(ctx.io, (printed = new Set()));
  for (const message of messages) {
    if (ONCE_PER_COMMAND.has(message)) {
      if (printed.has(message)) continue;
      printed.add(message);
    }
    ctx.io.stderr(message + "\n");
  }
}
