// The status line: shown only on a terminal, cleared before each finished line, fitted to the width.
import { describe, expect, it } from "vitest";
import { Progress, type ConformanceOutput } from "./progress.js";

function recorder(output: Partial<ConformanceOutput>) {
  const written: string[] = [];
  return { written, output: { write: (text: string) => written.push(text), ...output } };
}

const line = (text: string) => ({ text, style: "plain" as const });

describe("Progress", () => {
  it("writes only the finished lines when the output is not a terminal", () => {
    const { written, output } = recorder({});
    const progress = new Progress(output, 2);
    progress.started("a.md");
    progress.started("b.md");
    progress.done("b.md", [line("ok    b.md")]);
    progress.done("a.md", [line("FAIL  a.md")]);
    progress.close();
    expect(written.join("")).toBe("ok    b.md\nFAIL  a.md\n");
  });

  it("keeps a status line under the finished lines on a terminal", () => {
    const { written, output } = recorder({ terminalColumns: 30 });
    const progress = new Progress(output, 3);
    progress.started("a.md");
    progress.started("b.md");
    progress.done("a.md", [line("ok    a.md")]);
    progress.started("a-very-long-transcript-name.md");
    progress.close();
    expect(written).toEqual([
      "\r\x1b[K[0/3] running a.md",
      "\r\x1b[K[0/3] running a.md, b.md",
      "\r\x1b[K",
      "ok    a.md\n",
      "\r\x1b[K[1/3] running b.md",
      "\r\x1b[K[1/3] running b.md, a-very...",
      "\r\x1b[K",
    ]);
  });

  it("colours the finished lines when asked", () => {
    const { written, output } = recorder({ colour: true });
    new Progress(output, 1).done("a.md", [{ text: "ok    a.md", style: "passed", span: 2 }]);
    expect(written).toEqual(["\x1b[32mok\x1b[0m    a.md\n"]);
  });
});
