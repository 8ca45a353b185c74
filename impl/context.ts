// What a `guild` command runs with: the outside world, Guild home, project dir, and the command its messages name.
import type { Io } from "./io.js";

export interface CommandContext {
  io: Io;
  /** Absolute Guild home (from -H or GUILD_HOME or default), created if missing. */
  guildHome: string;
  /** Absolute project directory (from -C, default cwd) where guild.yml is looked up. */
  projectDir: string;
  /** The full command path for messages, e.g. "guild runs rm". */
  commandPath: string;
  /** The whole command line as given, global options included (what a run in the background runs again). */
  argv?: readonly string[];
  /** Set in the process that runs a `guild run --background` command: it runs the operation itself. */
  backgroundProcess?: boolean;
  /** The -C value as given ("." by default): Guild names the project dir this way in messages. */
  projectDirArg?: string;
  /** Guild's log level: 20 (INFO) normally, 10 (DEBUG) with --debug. */
  logLevel?: number;
  /**
   * How log records read: `cli` as the `guild` command logs (`Resolving ...`, `WARNING: ...`), `op` as an
   * operation process logs (`INFO: [guild] Resolving ...`), which batch trials run inside. Default `cli`.
   */
  logFormat?: "cli" | "op";
}
