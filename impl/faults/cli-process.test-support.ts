// Fault tests' view of the built CLI: a `guild` process in a temp project and home, its output, its exit, its op's fate.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll } from "vitest";

/** The CLI as users start it: the launcher over the split CLI and its code cache. */
const GUILD = fileURLToPath(new URL("../../dist/bin/guild", import.meta.url));
/** No command of these tests may take longer; a stuck CLI fails the test instead of hanging it. */
export const COMMAND_TIMEOUT_MS = 30_000;

export interface Sandbox {
  project: string;
  env: Record<string, string>;
  guildHome: string;
}

const roots: string[] = [];

/**
 * The sandboxes made so far go when the calling test file's tests are done. Test files share this
 * module (vitest runs them without isolation), so each file that makes sandboxes calls this once.
 */
export function removeSandboxesAfterAll(): void {
  afterAll(() => {
    for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
  });
}

/** A temp project holding `files` (relative path -> text), with its own GUILD_HOME and HOME; removed after the file's tests (see removeSandboxesAfterAll). */
export function makeSandbox(files: Record<string, string>): Sandbox {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "guild-faults-"));
  roots.push(root);
  const project = path.join(root, "project");
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(project, name)), { recursive: true });
    fs.writeFileSync(path.join(project, name), text);
  }
  fs.mkdirSync(project, { recursive: true });
  const guildHome = path.join(root, "guild-home");
  fs.mkdirSync(path.join(root, "home"));
  const env = { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: path.join(root, "home"), GUILD_HOME: guildHome, NO_IMPORT_FLAGS_PROGRESS: "1", COLUMNS: "200" };
  return { project, env, guildHome };
}

/** A new sandbox holding `files` whose Guild home starts as a copy of `from`'s: runs made once, for cases that each spoil their own. */
export function copySandbox(from: Sandbox, files: Record<string, string>): Sandbox {
  const sandbox = makeSandbox(files);
  fs.cpSync(from.guildHome, sandbox.guildHome, { recursive: true, verbatimSymlinks: true });
  return sandbox;
}

export interface GuildProcess {
  child: ChildProcess;
  /** Everything written so far to stdout and stderr, interleaved. */
  output: () => string;
  /** Resolves once the output contains `text`. */
  waitFor: (text: string) => Promise<void>;
  /** The exit code (128 + n for a death by signal n), or "timeout" after COMMAND_TIMEOUT_MS. */
  exit: Promise<number | "timeout">;
}

const SIGNAL_NUMBERS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

/** Starts `guild ARGS` as the leader of its own process group, as a terminal or a harness would. */
export function startGuild(sandbox: Sandbox, args: string[], timeoutMs = COMMAND_TIMEOUT_MS): GuildProcess {
  const child = spawn(GUILD, args, { cwd: sandbox.project, env: sandbox.env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let text = "";
  const waiters: { text: string; resolve: () => void }[] = [];
  const onData = (chunk: Buffer) => {
    text += chunk.toString("utf8");
    for (const waiter of waiters.filter((each) => text.includes(each.text))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  const exit = new Promise<number | "timeout">((resolve) => {
    const timer = setTimeout(() => {
      killGroup(child, "SIGKILL");
      resolve("timeout");
    }, timeoutMs);
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? 128 + (SIGNAL_NUMBERS[signal ?? "SIGKILL"] ?? 0));
    });
  });
  const waitFor = (wanted: string) =>
    text.includes(wanted) ? Promise.resolve() : Promise.race([new Promise<void>((resolve) => waiters.push({ text: wanted, resolve })), exit.then(() => {
      if (!text.includes(wanted)) throw new Error(`guild ${args.join(" ")} ended before printing ${JSON.stringify(wanted)}:\n${text}`);
    })]);
  return { child, output: () => text, waitFor, exit };
}

/** Runs `guild ARGS` to its end. */
export async function runGuild(sandbox: Sandbox, args: string[], timeoutMs = COMMAND_TIMEOUT_MS): Promise<{ code: number | "timeout"; output: string }> {
  const guild = startGuild(sandbox, args, timeoutMs);
  const code = await guild.exit;
  return { code, output: guild.output() };
}

/** Signals every process in the CLI's group (the CLI leads it). */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // The group is gone already.
  }
}

/** True while `pid` is a live process (not gone, not a zombie awaiting its parent). */
export function isAlive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}
