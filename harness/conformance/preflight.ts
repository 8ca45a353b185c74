// Before any transcript runs: each implementation's command must start and answer `--version`.
import path from "node:path";
import { shellQuote } from "../../lib/python/shlex.js";
import { runCommand } from "../sandbox/command.js";
import type { HostServices } from "../sandbox/host.js";
import { runHostedCommand } from "../sandbox/in-process.js";
import { createTempDir } from "../sandbox/temp-dir.js";
import type { Implementation } from "./implementations.js";

/** How long `COMMAND --version` may take. */
const CHECK_TIMEOUT_SECONDS = 60;

/** The shell command that stands in for `guild` for this implementation. */
export function commandOf(implementation: Implementation, host: HostServices): string {
  return implementation.command ?? shellQuote(path.join(host.referenceBinDir, "guild"));
}

/**
 * Runs `COMMAND --version` for every implementation, as a sandbox would (the sandbox's PATH, a
 * throwaway HOME and GUILD_HOME), and returns one line per implementation that does not run.
 */
export async function implementationProblems(implementations: readonly Implementation[], host: HostServices): Promise<string[]> {
  const home = await createTempDir("conformance-check");
  try {
    const problems = await Promise.all(implementations.map((implementation) => problemOf(implementation, host, home.path)));
    return problems.filter((problem): problem is string => problem !== null);
  } finally {
    await home.remove();
  }
}

async function problemOf(implementation: Implementation, host: HostServices, home: string): Promise<string | null> {
  const command = `${commandOf(implementation, host)} --version`;
  const pythonDir = host.pythonBinDir ? `${host.pythonBinDir}:` : "";
  const env = { PATH: `${pythonDir}${host.env.PATH ?? "/usr/bin:/bin"}`, HOME: home, GUILD_HOME: path.join(home, "guild-home"), LANG: "C.UTF-8", NO_COLOR: "1" };
  const request = { command, cwd: home, env, timeoutSeconds: CHECK_TIMEOUT_SECONDS, outputLimitBytes: 64 * 1024 };
  // The reference CLI loaded in this process answers there, as its transcripts' commands will.
  const hosted = implementation.command === undefined ? host.hostedCli : undefined;
  const result = hosted ? await runHostedCommand(hosted, ["--version"], request, host) : await runCommand(request, host);
  if (result.interrupted) return null;
  if (result.exitCode === 0) return null;
  const why = result.timedOut ? `did not finish within ${CHECK_TIMEOUT_SECONDS}s` : `exited with status ${result.exitCode}`;
  const said = lastLine(result.output);
  const hint = implementation.command === undefined ? " (is the reference CLI built? npm run build)" : "";
  return `implementation '${implementation.name}' does not run: '${command}' ${why}${said ? `: ${said}` : ""}${hint}`;
}

/** The last non-blank line of the output, cut to a readable length. */
function lastLine(output: string): string {
  const line = output.trimEnd().split("\n").at(-1)?.trim() ?? "";
  return line.length > 200 ? line.slice(0, 200) + "..." : line;
}
