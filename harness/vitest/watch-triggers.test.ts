// Which transcripts a change in a sample project re-runs, on a temp tree with a shadowing project.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDir } from "../sandbox/temp-dir.js";
import { listTranscripts, projectsUsedBy, sampleProjectTrigger, transcriptsUsingProject } from "./watch-triggers.js";

let root = "";
const files: Record<string, string> = {
  "transcripts/a.md": '    >>> use_project("hello")\n',
  "transcripts/sub/b.md": "    >>> use_project('hello')\n    >>> use_project( \"other\" )\n",
  "transcripts/c.md": "No projects here.\n",
  "transcripts/fixtures/must-fail.md": '    >>> use_project("hello")\n',
  "transcripts/.hidden/notes.md": '    >>> use_project("hello")\n',
  "transcripts/samples/projects/hello/guild.yml": "",
  "transcripts/samples/projects/other/deep/data.txt": "",
  "transcripts/samples/projects/unused/guild.yml": "",
  "transcripts/sub/samples/projects/hello/say.py": "",
};

let removeRoot = async () => {};

beforeAll(async () => {
  ({ path: root, remove: removeRoot } = await createTempDir("watch-test"));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
});

afterAll(() => removeRoot());

describe("projectsUsedBy", () => {
  it.each([
    ['use_project("a")\nuse_project(\'b\')\nuse_project("a")', ["a", "b"]],
    ["use_project(name)", []],
    ["reuse_project(\"x\")", []],
    ["    $ use_project hello\n    $ use_project 'other'\n$ use_project unindented", ["hello", "other"]],
  ])("%j -> %j", (text, expected) => {
    expect(projectsUsedBy(text)).toEqual(expected);
  });
});

describe("transcriptsUsingProject", () => {
  it.each([
    ["transcripts/samples/projects/hello/guild.yml", ["transcripts/a.md"]],
    ["transcripts/sub/samples/projects/hello/say.py", ["transcripts/sub/b.md"]],
    ["transcripts/samples/projects/other/deep/data.txt", ["transcripts/sub/b.md"]],
    ["transcripts/samples/projects/unused/guild.yml", []],
    ["transcripts/a.md", []],
  ])("a change to %s re-runs %j", (changed, expected) => {
    const transcripts = listTranscripts(path.join(root, "transcripts"));
    const found = transcriptsUsingProject(path.join(root, changed), transcripts, (file) => fs.readFileSync(file, "utf8"));
    expect(found.map((file) => path.relative(root, file))).toEqual(expected);
  });

  it("lists transcripts, leaving out sample projects, fixtures and hidden folders", () => {
    expect(listTranscripts(path.join(root, "transcripts")).map((file) => path.relative(root, file))).toEqual(["transcripts/a.md", "transcripts/c.md", "transcripts/sub/b.md"]);
  });
});

describe("sampleProjectTrigger", () => {
  it("matches sample project files and leaves unused projects to vitest", () => {
    const trigger = sampleProjectTrigger(path.join(root, "transcripts"));
    const changed = path.join(root, "transcripts/samples/projects/hello/guild.yml");
    expect({
      matches: trigger.pattern.test(changed),
      tests: trigger.testsToRun(changed)?.map((file) => path.relative(root, file)),
      unused: trigger.testsToRun(path.join(root, "transcripts/samples/projects/unused/guild.yml")),
    }).toEqual({ matches: true, tests: ["transcripts/a.md"], unused: undefined });
  });
});
