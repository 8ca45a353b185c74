// Compares encodeYaml with PyYAML itself (skipped when python3 has no yaml module).
import { test, expect } from "vitest";
import { execFileSync } from "node:child_process";
import { encodeYaml } from "./yaml.js";
const hasPyYaml = (() => { try { execFileSync("python3", ["-c", "import yaml"], { stdio: "ignore" }); return true; } catch { return false; } })();

// Cross-checks the emitter against the real PyYAML on generated strings when it is installed.
test.skipIf(!hasPyYaml)("encodeYaml agrees with PyYAML on generated strings", () => {
  const alphabet = ["a","b"," ","'",'"',":","#","-","?","1","0",".","e","_",",","[","]","{","}","\t","\n","é","x","y","=","~","!","&","*","|",">","%","@","`"];
  const values: string[] = [];
  let seed = 7;
  const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  for (let i = 0; i < 3000; i++) { const n = Math.floor(rnd() * 6); let s = ""; for (let j = 0; j < n; j++) s += alphabet[Math.floor(rnd() * alphabet.length)]; values.push(s); }
  // One-word texts (no space), as paths, names and numbers are: the emitter's shortcut for them.
  const wordAlphabet = ["a", "Z", "0", "9", ".", "-", ":", "/", "#", "?", "!", "'", "=", "_", "~", "%", "@", "`", "[", "{", ",", "|", ">", "&", "*", "+", "é"];
  for (let i = 0; i < 1500; i++) { const n = 1 + Math.floor(rnd() * 12); let s = ""; for (let j = 0; j < n; j++) s += wordAlphabet[Math.floor(rnd() * wordAlphabet.length)]; values.push(s); }
  values.push("x".repeat(100), "/usr/local/bin:/usr/bin:" + "/opt/tool/bin:".repeat(10), "---x", "...", "a:", "::", "-1", "0x1F", "1e5", "2001-01-01", "yes", "~", "<<", "=");
  for (let i = 0; i < 200; i++) { const n = 10+Math.floor(rnd() * 30); const w=[]; for (let j = 0; j < n; j++) w.push("w".repeat(1+Math.floor(rnd()*9))+(rnd()<0.1?"'":"")); values.push(w.join(rnd()<0.1?"  ":" ")); }
  const py = `
import sys, json, yaml, re
yaml.resolver.Resolver.add_implicit_resolver("tag:yaml.org,2002:float", re.compile(r'''^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+]?[0-9]+)?
|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
|\\.[0-9_]+(?:[eE][-+][0-9]+)?
|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*
|[-+]?\\.(?:inf|Inf|INF)
|\\.(?:nan|NaN|NAN))$''', re.X), list("-+0123456789."))
vals = json.load(sys.stdin)
out = []
for v in vals:
    s = yaml.safe_dump(v, default_flow_style=False, indent=2).strip()
    if s.endswith("\\n..."): s = s[:-4]
    k = yaml.safe_dump({"key": v, "k2": [v]}, default_flow_style=False, indent=2).strip()
    out.append([s, k])
json.dump(out, sys.stdout)
`;
  const result = JSON.parse(execFileSync("python3", ["-c", py], { input: JSON.stringify(values) }).toString());
  const bad: unknown[] = [];
  values.forEach((v, i) => {
    const a = encodeYaml(v); const b = encodeYaml({ key: v, k2: [v] });
    if (a !== result[i][0] || b !== result[i][1]) bad.push([v, result[i], [a, b]]);
  });
  expect(bad.slice(0, 5)).toEqual([]);
});
