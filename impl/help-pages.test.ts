// Every command's `--help` page, text and JSON (GUILD_HELP_JSON), byte for byte against the real Guild 0.8.2 when it is installed (skipped, saying so, when not).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { rootCommand, runCli } from "./cli.js";
import type { GuildCommand } from "./commands/command.js";
import { commands as commandTable } from "./commands/index.js";
import { testIo } from "./test-io.test-support.js";

const REAL_GUILD = "/root/.cache/real-guild-0.8.2/bin/guild";
const realGuildInstalled = fs.existsSync(REAL_GUILD);

/** Command lines of every command, by each of its names: [], ["runs"], ["runs", "rm"], ... */
function commandLines(group: GuildCommand, prefix: string[] = []): string[][] {
  return (group.subcommands ?? []).flatMap((command) =>
    [command.name, ...(command.aliases ?? [])].flatMap((name) => [[...prefix, name], ...commandLines(command, [...prefix, name])]),
  );
}

const lines = [[], ...commandLines(rootCommand)];

/** A command's help page as text and as JSON. */
interface Pages {
  text: string;
  json: string;
}

/**
 * The real Guild's pages, all from one Python process: each command line run with `--help` through
 * Guild's own entry point (its help formatter installed, then its JSON one), output not a terminal and COLUMNS unset.
 */
function realGuildPages(commandLines: string[][]): Pages[] {
  const launcher = fs.readFileSync(REAL_GUILD, "utf8");
  const pythonPath = /PYTHONPATH=([^$\s]+)/.exec(launcher)?.[1];
  const python = /exec (\S+) -c/.exec(launcher)?.[1] ?? "python3";
  const script = `import contextlib, inspect, io, json, os, sys
inspect.getargspec = getattr(inspect, "getargspec", None) or inspect.getfullargspec
from guild import main as guild_main
from guild.commands import main as main_cmd
def page(argv):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main_cmd.main(args=argv + ["--help"], prog_name="guild", standalone_mode=False)
    return out.getvalue()
pages = []
for argv in json.load(sys.stdin):
    os.environ.pop("GUILD_HELP_JSON", None)
    guild_main._configure_help_formatter()
    text = page(argv)
    os.environ["GUILD_HELP_JSON"] = "1"
    guild_main._configure_help_formatter()
    pages.append({"text": text, "json": page(argv)})
json.dump(pages, sys.stdout)
`;
  const { COLUMNS: _columns, ...inherited } = process.env;
  const env = { ...inherited, PYTHONPATH: pythonPath ?? "" };
  const output = execFileSync(python, ["-c", script], { input: JSON.stringify(commandLines), encoding: "utf8", env, timeout: 120_000 });
  return JSON.parse(output) as Pages[];
}

/** Top-level commands, loaded: `guild --help` lists them from the table, their own pages from their modules. */
const loadedCommands: GuildCommand[] = await Promise.all(commandTable.map((entry) => entry.load()));

/** The command a `guild ARGV --help` line shows (the root for none), with its subcommands loaded. */
function groupFor(argv: string[]): GuildCommand | undefined {
  if (argv.length === 0) return rootCommand;
  const [first, ...rest] = argv;
  const top = loadedCommands.find((command) => command.name === first || command.aliases?.includes(first));
  return rest.reduce<GuildCommand | undefined>((command, name) => command?.subcommands?.find((sub) => sub.name === name || sub.aliases?.includes(name)), top);
}

/**
 * A group's page without the Commands rows of commands this CLI does not have (Guild has more), which
 * it does not list. Rows are dropped, not re-laid out: the widest names are among the commands here.
 */
function withoutMissingCommands(page: string, argv: string[]): string {
  const group = groupFor(argv);
  if (!group?.subcommands?.length) return page;
  const listed = new Set(group.subcommands.map((command) => [command.name, ...(command.aliases ?? [])].join(", ")));
  const [head, commands = ""] = page.split("\nCommands:\n");
  const kept = commands.split("\n").filter((line) => !/^  \S/.test(line) || listed.has(line.slice(2).split(/ {2,}/)[0]!));
  return `${head}\nCommands:\n${kept.join("\n")}`;
}

/** A group's JSON page without the commands this CLI does not have. */
function withoutMissingCommandsJson(page: { commands?: { term: string }[] }, argv: string[]): unknown {
  const group = groupFor(argv);
  if (!page.commands || !group?.subcommands) return page;
  const listed = new Set(group.subcommands.map((command) => [command.name, ...(command.aliases ?? [])].join(", ")));
  return { ...page, commands: page.commands.filter((row) => listed.has(row.term)) };
}

const guildHome = fs.mkdtempSync(path.join(os.tmpdir(), "guild-help-pages-"));
afterAll(() => fs.rmSync(guildHome, { recursive: true, force: true }));

/** Our page for a command line, from the CLI in this process (output not a terminal, COLUMNS unset). */
async function ourPage(argv: string[], env: Record<string, string> = {}): Promise<string> {
  let stdout = "";
  const io = testIo({
    cwd: guildHome,
    env,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stdout += text),
  });
  await runCli(["-H", guildHome, ...argv, "--help"], io);
  return stdout;
}

describe.skipIf(!realGuildInstalled)(`--help pages match the real Guild (${REAL_GUILD})`, () => {
  const expected = realGuildInstalled ? realGuildPages(lines) : [];
  const cases = lines.map((argv, index) => [["guild", ...argv, "--help"].join(" "), argv, index] as const);
  test.each(cases)("%s", async (_name, argv, index) => {
    expect(await ourPage(argv)).toBe(withoutMissingCommands(expected[index]!.text, argv));
  });
  test.each(cases)("GUILD_HELP_JSON=1 %s", async (_name, argv, index) => {
    expect(JSON.parse(await ourPage(argv, { GUILD_HELP_JSON: "1" }))).toEqual(withoutMissingCommandsJson(JSON.parse(expected[index]!.json), argv));
  });
});

test.runIf(!realGuildInstalled)(`the real Guild is not installed at ${REAL_GUILD}: --help pages are not compared`, () => {
  expect(realGuildInstalled).toBe(false);
});
