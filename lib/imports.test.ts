// lib/ sits below both halves: no module in it imports from impl/ or harness/.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";

const libDir = path.dirname(fileURLToPath(import.meta.url));
const sources = (fs.readdirSync(libDir, { recursive: true }) as string[]).filter((file) => file.endsWith(".ts"));

test.each(sources)("%s imports only from lib/ and packages", (file) => {
  const text = fs.readFileSync(path.join(libDir, file), "utf8");
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map((match) => match[1]!);
  const outside = specifiers.filter((specifier) => {
    if (!specifier.startsWith(".")) return false;
    return path.relative(libDir, path.resolve(path.dirname(path.join(libDir, file)), specifier)).startsWith("..");
  });
  expect(outside).toEqual([]);
});
