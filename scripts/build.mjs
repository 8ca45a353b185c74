// Bundles the entry points into dist/ so the CLI starts as prebuilt JavaScript.
import { build } from "esbuild";
import { chmod, mkdir, symlink, rm } from "node:fs/promises";
import { existsSync } from "node:fs";

const entries = {
  guild: "impl/main.ts",
  conformance: "harness/conformance-main.ts",
  bench: "bench/main.ts",
};

// `node scripts/build.mjs guild` builds only the named entry points.
const wanted = process.argv.slice(2);
await mkdir("dist/bin", { recursive: true });
for (const [name, entry] of Object.entries(entries)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  if (!existsSync(entry)) continue;
  await build({
    entryPoints: [entry],
    outfile: `dist/${name}.mjs`,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: name === "guild" ? undefined : "external",
    banner: {
      js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    logLevel: "warning",
  });
  await chmod(`dist/${name}.mjs`, 0o755);
}
await rm("dist/bin/guild", { force: true });
await symlink("../guild.mjs", "dist/bin/guild");
