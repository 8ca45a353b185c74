// Bundles the entry points into dist/ so the CLI starts as prebuilt JavaScript.
// Files are replaced atomically: a transcript running while another build happens never sees half a CLI.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmod, mkdir, rename, symlink, writeFile, readlink, readFile, rm } from "node:fs/promises";
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
};

async function replaceFile(target, contents) {
  const temporary = `${target}.${process.pid}.tmp`;
  await writeFile(temporary, contents, { mode: 0o755 });
  await chmod(temporary, 0o755);
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
    logLevel: "warning",
  });
  for (const file of result.outputFiles) await replaceFile(file.path, file.contents);
}
/**
 * dist/bin/guild starts the CLI from a V8 start-up snapshot when Node can make one (Node 20's
 * --build-snapshot): the bundle is already compiled and run, so a command starts about as fast as
 * `node -e 0`. The launcher names this node binary, since a snapshot only loads in the Node that
 * made it. Without a snapshot, dist/bin/guild is a link to the plain bundle.
 */
async function buildSnapshotLauncher() {
  const dist = path.join(root, "dist");
  const result = await build({
    entryPoints: [path.join(root, "impl/main.ts")],
    write: false,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    logLevel: "warning",
  });
  const source = path.join(dist, "guild-snapshot.cjs");
  const blob = path.join(dist, "guild.blob");
  // What the snapshot was made from; it is remade when this changes.
  const stampFile = `${blob}.stamp`;
  const stamp = createHash("sha256").update(`${process.execPath}\0${process.version}\0`).update(result.outputFiles[0].contents).digest("hex");
  if ((await readFile(stampFile, "utf8").catch(() => null)) !== stamp || !existsSync(blob)) {
    await replaceFile(source, result.outputFiles[0].contents);
    const temporary = `${blob}.${process.pid}.tmp`;
    try {
      execFileSync(process.execPath, ["--no-warnings", "--snapshot-blob", temporary, "--build-snapshot", source], { stdio: ["ignore", "ignore", "pipe"] });
    } catch (error) {
      await rm(temporary, { force: true });
      process.stderr.write(`build: no start-up snapshot (${String(error.stderr ?? error.message).trim().split("\n")[0]}); dist/bin/guild runs the bundle\n`);
      return false;
    }
    await rename(temporary, blob);
    await replaceFile(stampFile, stamp);
  }
  const quote = (text) => `'${text.replaceAll("'", "'\\''")}'`;
  await replaceFile(path.join(dist, "bin", "guild"), `#!/bin/sh\n# The reference CLI from its start-up snapshot (scripts/build.mjs).\nexec ${quote(process.execPath)} --snapshot-blob ${quote(blob)} -- "$@"\n`);
  return true;
}

if (!(wanted.length === 0 || wanted.includes("guild")) || !(await buildSnapshotLauncher())) {
  await replaceSymlink(path.join(root, "dist", "bin", "guild"), "../guild.mjs");
}
// The harness's own runner, which a transcript's sandbox puts on PATH (the author's guide runs it).
await replaceSymlink(path.join(root, "dist", "bin", "guild-transcripts"), "../conformance.mjs");
