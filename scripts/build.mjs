// Bundles the entry points into dist/ so the CLI starts as prebuilt JavaScript.
// Files are replaced atomically: a transcript running while another build happens never sees half a CLI.
import { build } from "esbuild";
import { chmod, mkdir, rename, symlink, writeFile, readlink } from "node:fs/promises";
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
await replaceSymlink(path.join(root, "dist", "bin", "guild"), "../guild.mjs");
// The harness's own runner, which a transcript's sandbox puts on PATH (the author's guide runs it).
await replaceSymlink(path.join(root, "dist", "bin", "guild-transcripts"), "../conformance.mjs");
