import { describe, expect, test } from "vitest";
import { defaultLabel, labelTemplate, runLabel } from "./label.js";
import { PyFloat } from "../../lib/python/values.js";

describe("labels", () => {
  const values = { msg: "a b", loss: new PyFloat(1), n: null, t: new PyFloat(0.123456789) };
  const cases: [string | null, string][] = [
    [null, "loss=1.0 msg='a b' t=0.12345"],
    ["x ${msg} y", "x 'a b' y"],
    ["v2 ${default_label}", "v2 loss=1.0 msg='a b' t=0.12345"],
    ["${nope}!", "!"],
    ["${n|default:none}", "none"],
    ["x=${t|%.2f}", "x=0.12"],
    ["${t|%8.3f}|", "   0.123|"],
    ["${loss|%d} ${loss|%s}", "1 1.0"],
    ["${t|%.2e}", "1.23e-01"],
    ["${msg|%.2f}", "a b"],
  ];
  test.each(cases)("%s", (template, expected) => expect(runLabel(template, values, "/")).toBe(expected));

  test("templates from options", () => {
    expect([labelTemplate("l", ["a"], null), labelTemplate(null, ["a", "b"], "x"), labelTemplate(null, [], "x"), labelTemplate(null, [], null)]).toEqual([
      "l",
      "a b ${default_label}",
      "x",
      null,
    ]);
  });

  test("no flags, empty label", () => expect(defaultLabel({}, "/")).toBe(""));
});
