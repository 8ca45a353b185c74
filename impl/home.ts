// Guild home and project directory from -H/-C, GUILD_HOME and the Python environment (main_impl).
import fs from "node:fs";
import path from "node:path";
import { CliError, type Io } from "./io.js";

function expandUser(value: string, env: Io["env"]): string {
  if (value === "~" || value.startsWith("~/")) return (env.HOME ?? "") + value.slice(1);
  return value;
}

/** Guild's default home: $CONDA_PREFIX/.guild, $VIRTUAL_ENV/.guild, else ~/.guild. */
export function defaultGuildHome(env: Io["env"]): string {
  if (env.CONDA_PREFIX) return path.join(env.CONDA_PREFIX, ".guild");
  if (env.VIRTUAL_ENV) return path.join(env.VIRTUAL_ENV, ".guild");
  return path.join(env.HOME ?? "", ".guild");
}

/** The absolute Guild home, created with its `.guild-nocopy` marker. */
export function ensureGuildHome(option: string | null, io: Io): string {
  const given = option ?? io.env.GUILD_HOME ?? defaultGuildHome(io.env);
  const home = path.resolve(io.cwd, expandUser(given, io.env));
  if (!fs.existsSync(home)) fs.mkdirSync(home, { recursive: true });
  if (!fs.statSync(home).isDirectory()) throw new CliError(`'${home}' is not a directory`);
  const marker = path.join(home, ".guild-nocopy");
  if (!fs.existsSync(marker)) fs.writeFileSync(marker, "");
  return home;
}

/** The project dir named by -C (must exist). */
export function projectDirectory(option: string, io: Io): string {
  const given = expandUser(option, io.env);
  const dir = path.resolve(io.cwd, given);
  if (!fs.existsSync(dir)) throw new CliError(`directory '${given}' does not exist`);
  if (!fs.statSync(dir).isDirectory()) throw new CliError(`'${given}' is not a directory`);
  return dir;
}
