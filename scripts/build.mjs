// Bundles the entry points into dist/ so the CLI starts as prebuilt JavaScript.
// Files are replaced atomically: a transcript running while another build happens never sees half a CLI.
import { build, transform } from "esbuild";
import { chmod, mkdir, readdir, rename, stat, symlink, writeFile, readlink, readFile, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const entries = {
  guild: "impl/main.ts",
  // The same CLI as a module the harness loads to run `guild` commands without a process each.
  "guild-in-process": "impl/in-process.ts",
  conformance: "harness/conformance/main.ts",
  bench: "bench/main.ts",
  // What a transcript's test module imports to run its examples, with the harness under it:
  // vitest loads one file rather than transforming each module (harness/vitest/suite-module.ts).
  "transcript-suite": "harness/vitest/transcript-suite.ts",
};

async function replaceFile(target, contents, mode = 0o755) {
  const temporary = `${target}.${process.pid}.tmp`;
  await writeFile(temporary, contents, { mode });
  await chmod(temporary, mode);
  await rename(temporary, target);
}

async function replaceSymlink(target, linkText) {
  if (existsSync(target) && (await readlink(target).catch(() => null)) === linkText) return;
  const temporary = `${target}.${process.pid}.tmp`;
  await symlink(linkText, temporary);
  await rename(temporary, target);
}

// `node scripts/build.mjs guild` builds only the named entry points.
const wanted = process.argv.slice(2);
await mkdir(path.join(root, "dist", "bin"), { recursive: true });
for (const [name, entry] of Object.entries(entries)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  if (!existsSync(path.join(root, entry))) continue;
  const result = await build({
    entryPoints: [path.join(root, entry)],
    outfile: path.join(root, "dist", `${name}.mjs`),
    write: false,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: name === "guild" || name === "guild-in-process" ? undefined : "external",
    banner: {
      js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    absWorkingDir: root,
    metafile: name === "transcript-suite",
    logLevel: "warning",
  });
  for (const file of result.outputFiles) await replaceFile(file.path, file.contents);
  // The files it was built from, which decide whether it is still current (suite-module.ts).
  if (name === "transcript-suite") await replaceFile(path.join(root, "dist", `${name}.inputs.json`), `${JSON.stringify({ inputs: Object.keys(result.metafile.inputs).sort() }, null, 2)}\n`, 0o644);
}
/**
 * `import fs from "node:fs"` becomes `var import_node_fs = __toESM(require("node:fs"))` in CommonJS:
 * a copy of the module with a getter per export (fs has over a hundred), made again in every file
 * that imports it. `guild run` loads some sixty of them, a few milliseconds. Where the file reads only
 * `.default` of such a variable, which is the module itself, the variable becomes `{ default: module }`.
 */
function plainBuiltinDefaults(code) {
  return code.replace(/^var (import_node_[A-Za-z0-9_]+) = __toESM\(require\(("node:[a-z_/]+")\)\);$/gm, (line, name, specifier) => {
    const uses = code.match(new RegExp(`\\b${name}\\b(?!\\.default\\b)`, "g")) ?? [];
    // The declaration itself is the one use that is not `.default`.
    return uses.length === 1 ? `var ${name} = { default: require(${specifier}) };` : line;
  });
}

/**
 * A file's exports are made as getters on `stdin_exports`, then copied getter by getter onto a new
 * object for module.exports (esbuild's __toCommonJS): every read from another file went through two
 * getters. module.exports is that first object, marked __esModule as the copy was.
 */
function exportsWithoutCopy(code) {
  return code.replace(/^module\.exports = __toCommonJS\(stdin_exports\);$/m, 'module.exports = __defProp(stdin_exports, "__esModule", { value: true });');
}

/**
 * dist/bin/guild is the CLI split per command (dist/cli/): a small CommonJS file (main.cjs) parses the
 * command line and prints `guild --help` itself; each command's code, and what only it needs, loads when the
 * command runs. CommonJS because Node 20 starts a CommonJS main several milliseconds sooner than an
 * ES module one; esbuild splits only ES modules, so each split file is then rewritten as CommonJS
 * (`import` becomes `require`, exports stay live). Chunk names are hashes of their contents, so a
 * command already running never finds a chunk replaced by another build; chunks no build has named
 * for ten minutes are removed. The entry, guild.cjs, turns on the V8 code cache (impl/code-cache.ts)
 * before it loads main.cjs; cached bytecode of a removed or rewritten file is removed.
 */
async function buildSplitCli() {
  const dir = path.join(root, "dist", "cli");
  const result = await build({
    entryPoints: { guild: path.join(root, "impl/split-entry.ts"), main: path.join(root, "impl/main.ts") },
    outdir: dir,
    write: false,
    bundle: true,
    splitting: true,
    chunkNames: "chunk-[hash]",
    outExtension: { ".js": ".cjs" },
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "warning",
  });
  await mkdir(dir, { recursive: true });
  const written = new Set();
  const entries = {};
  for (const file of result.outputFiles) {
    const commonJs = exportsWithoutCopy(plainBuiltinDefaults((await transform(file.text, { format: "cjs", loader: "js", platform: "node", target: "node20", supported: { "dynamic-import": false }, logLevel: "warning" })).code));
    const name = path.basename(file.path);
    written.add(name);
    if (name === "guild.cjs") entries.guild = { path: file.path, text: `#!/usr/bin/env node\n${commonJs}` };
    else if (name === "main.cjs") entries.main = { path: file.path, text: commonJs };
    else if ((await readFile(file.path, "utf8").catch(() => null)) !== commonJs) await replaceFile(file.path, commonJs);
  }
  // The entries last, main before guild: once a file names the new chunks, they are all there.
  for (const entry of [entries.main, entries.guild]) {
    if ((await readFile(entry.path, "utf8").catch(() => null)) !== entry.text) await replaceFile(entry.path, entry.text);
  }
  const stale = Date.now() - 10 * 60 * 1000;
  for (const name of await readdir(dir)) {
    if (written.has(name)) continue;
    const file = path.join(dir, name);
    // Another build may have removed it already.
    const modified = (await stat(file).catch(() => null))?.mtimeMs;
    if (modified !== undefined && modified < stale) await rm(file, { force: true });
  }
  // Cached bytecode, one folder per command, is named after its file's version,
  // NAME.SIZE.MTIME_MICROS.v8 (impl/code-cache.ts): that of a removed or rewritten file goes.
  const cacheRoot = path.join(root, "dist", "cli-code-cache");
  for (const group of await readdir(cacheRoot).catch(() => [])) {
    const cacheDir = path.join(cacheRoot, group);
    for (const name of await readdir(cacheDir).catch(() => [])) {
      const source = await stat(path.join(dir, name.split(".cjs.")[0] + ".cjs")).catch(() => null);
      const current = source && `${name.split(".cjs.")[0]}.cjs.${source.size}.${Math.trunc(source.mtimeMs * 1000)}.v8`;
      if (name !== current) await rm(path.join(cacheDir, name), { force: true });
    }
  }
  // Snapshot files of earlier builds, which started the CLI from a V8 start-up snapshot.
  for (const name of ["guild.blob", "guild.blob.stamp", "guild-snapshot.cjs"]) await rm(path.join(root, "dist", name), { force: true });
}

/**
 * dist/bin/guild starts the split CLI with the node that built it. The CLI makes no TLS connection,
 * yet Node reads and parses NODE_EXTRA_CA_CERTS before any script runs: with a full CA bundle that
 * is most of a `node -e 0`. The launcher hands the variable on as GUILD_HELD_NODE_EXTRA_CA_CERTS and
 * main.ts puts it back, so commands, operations and their env attr see the environment unchanged.
 */
async function writeLauncher() {
  const quote = (text) => `'${text.replaceAll("'", "'\\''")}'`;
  const script = [
    "#!/bin/sh",
    "# The reference CLI (scripts/build.mjs): the split CLI, without Node loading NODE_EXTRA_CA_CERTS.",
    'if [ -n "${NODE_EXTRA_CA_CERTS+set}" ]; then',
    '  GUILD_HELD_NODE_EXTRA_CA_CERTS=$NODE_EXTRA_CA_CERTS',
    "  export GUILD_HELD_NODE_EXTRA_CA_CERTS",
    "  unset NODE_EXTRA_CA_CERTS",
    "fi",
    `exec ${quote(process.execPath)} ${quote(path.join(root, "dist", "cli", "guild.cjs"))} "$@"`,
    "",
  ].join("\n");
  const target = path.join(root, "dist", "bin", "guild");
  if ((await readFile(target, "utf8").catch(() => null)) !== script) await replaceFile(target, script);
}

if (wanted.length === 0 || wanted.includes("guild")) {
  await buildSplitCli();
  await writeLauncher();
}
// The harness's own runner, which a transcript's sandbox puts on PATH (the author's guide runs it).
await replaceSymlink(path.join(root, "dist", "bin", "guild-transcripts"), "../conformance.mjs");
