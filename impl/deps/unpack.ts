// Unpacking archive dependencies as Guild does (zip, tar, gzip), with the `.guild-cache-NAME.unpacked` member list.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { ResolutionError } from "./run-match.js";

/** Extracts the archive members missing from dest and returns every member name (Guild's own names for them). */
export type Unpacker = (archive: string, type: string, dest: string) => string[];

const UNPACK_TIMEOUT_MS = 10 * 60 * 1000;

/** Python's zipfile/tarfile/gzip do the work, so member names and extraction match Guild's exactly. */
const UNPACK_PROGRAM = String.raw`
import gzip, json, os, sys, tarfile, zipfile
src, kind, dest = sys.argv[1:4]
if kind == "zip":
    zf = zipfile.ZipFile(src)
    members = zf.namelist()
    names = list(members)
    extract = lambda ms: zf.extractall(dest, ms)
elif kind == "tar":
    tf = tarfile.open(src)
    members = [m for m in tf.getmembers() if m.name != "."]
    names = [m.name[2:] if m.name[:2] == "./" else m.name for m in members]
    extract = lambda ms: tf.extractall(dest, ms)
else:
    name = os.path.basename(src)[:-3]
    members = names = [name]
    def extract(ms):
        if not ms:
            return
        with gzip.open(src, "rb") as f_in, open(os.path.join(dest, name), "wb") as f_out:
            while True:
                block = f_in.read(102400)
                if not block:
                    break
                f_out.write(block)
extract([m for m, n in zip(members, names) if not os.path.exists(os.path.join(dest, n))])
sys.stdout.write(json.dumps(names))
`;

/** An unpacker running `python` (the op's Python) with a timeout, in `env` (the CLI's; absent: this process's). */
export function pythonUnpacker(python: string, env?: Readonly<Record<string, string | undefined>>): Unpacker {
  return (archive, type, dest) => {
    const result = spawnSync(python, ["-c", UNPACK_PROGRAM, archive, type, dest], { encoding: "utf8", timeout: UNPACK_TIMEOUT_MS, ...(env ? { env } : {}) });
    if (result.error) throw new ResolutionError(`'${archive}' cannot be unpacked: ${result.error.message}`);
    if (result.status !== 0) {
      const lines = result.stderr.trim().split("\n");
      throw new ResolutionError(`'${archive}' cannot be unpacked: ${lines[lines.length - 1]}`);
    }
    return JSON.parse(result.stdout) as string[];
  };
}

/** resolver._archive_type: the source's `type`, else from the file name. */
export function archiveType(path: string, declared: string | null): string | null {
  if (declared) return declared;
  const parts = path.toLowerCase().split(".");
  const last = parts[parts.length - 1];
  if (last === "zip") return "zip";
  if (last === "tar" || last === "tgz" || parts[parts.length - 2] === "tar") return "tar";
  if (last === "gz") return "gzip";
  return null;
}

function mtime(path: string): number | null {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
}

/** resolver._dirs_for_unpack_names: parent dirs that are not members themselves. */
function impliedDirs(names: string[]): string[] {
  const members = new Set(names);
  const dirs = new Set(names.map((name) => (name.includes("/") ? name.slice(0, name.lastIndexOf("/")) : name)));
  return [...dirs].filter((dir) => !members.has(dir)).sort();
}

/** The archive's member paths, unpacked into unpackDir unless its member list is cached there and newer. */
export function unpackArchive(archive: string, type: string, unpackDir: string, context: { info: (message: string) => void; unpack: Unpacker }): string[] {
  const cachePath = join(unpackDir, `.guild-cache-${basename(archive)}.unpacked`);
  const cacheTime = mtime(cachePath);
  if (cacheTime && cacheTime >= (mtime(archive) ?? 0)) {
    return readFileSync(cachePath, "utf8").split("\n").filter((line) => line !== "").map((line) => line.trimEnd());
  }
  if (!["zip", "tar", "gzip"].includes(type)) throw new ResolutionError(`'${archive}' cannot be unpacked (unsupported archive type '${type}')`);
  mkdirSync(unpackDir, { recursive: true });
  if (type !== "gzip") context.info(`Unpacking ${archive}`);
  const names = context.unpack(archive, type, unpackDir);
  const unpacked = [...impliedDirs(names), ...names];
  writeFileSync(cachePath, unpacked.map((path) => path + "\n").join(""));
  return unpacked;
}
