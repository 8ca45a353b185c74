// Start-time ranges against a fixed "now" (Monday 2026-11-30 17:45:30 local time), and Guild's errors.
import { describe, expect, test } from "vitest";
import { parseTimeRange, startedInRange } from "./time-range.js";

const now = new Date(2026, 10, 30, 17, 45, 30);
const local = (text: string | null) => {
  if (text === null) return null;
  const [date, time = "00:00:00"] = text.split(" ");
  const [y, m, d] = date.split("-").map(Number);
  const [h, min, s] = time.split(":").map(Number);
  return new Date(y, m - 1, d, h, min, s);
};

describe("ranges", () => {
  const cases: [string, string | null, string | null][] = [
    ["today", "2026-11-30", "2026-12-01"],
    ["yesterday", "2026-11-29", "2026-11-30"],
    ["this minute", "2026-11-30 17:45:00", "2026-11-30 17:46:00"],
    ["this hour", "2026-11-30 17:00:00", "2026-11-30 18:00:00"],
    ["this week", "2026-11-30", "2026-12-07"],
    ["1 week ago", "2026-11-23", "2026-11-30"],
    ["this month", "2026-11-01", "2026-11-30"],
    ["2 months ago", "2026-09-01", "2026-09-30"],
    ["this year", "2026-01-01", "2027-01-01"],
    ["3 days ago", "2026-11-27", "2026-11-28"],
    ["2 HOURS ago", "2026-11-30 15:00:00", "2026-11-30 16:00:00"],
    ["last 5 min", "2026-11-30 17:40:30", null],
    ["last day", "2026-11-29 17:45:30", null],
    ["before today", null, "2026-11-30"],
    ["after yesterday", "2026-11-30", null],
    ["after 2000-01-02 10:00", "2000-01-02 10:00:00", null],
    ["before 99-1-2", null, "2099-01-02"],
    ["after 1-5 12:00:01", "2026-01-05 12:00:01", null],
    ["2026-11-03", "2026-11-03", "2026-11-04"],
    ["17:00", "2026-11-30 17:00:00", "2026-11-30 17:01:00"],
    ["17:00:05", "2026-11-30 17:00:05", "2026-11-30 17:00:06"],
    ["between 2000-01-01 and today", "2000-01-01", "2026-12-01"],
    ["between today and 2000-01-01", "2000-01-01", "2026-12-01"],
  ];
  test.each(cases)("%s: %s to %s", (spec, start, end) => {
    expect(parseTimeRange(spec, now)).toEqual([local(start), local(end)]);
  });
});

describe("errors", () => {
  const cases: [string, string][] = [
    ["xyz", "unexpected 'xyz' at position 0"],
    ["last", "spec cannot be empty"],
    ["1 day", "spec cannot be empty"],
    ["2000-13-01", "month must be in 1..12"],
    ["today foo", "unexpected 'foo' at position 6"],
    ["today 5", "unexpected '5' at pos 6"],
    ["this 1-2", "unexpected '(1, 2)' at pos 5"],
    ["today!", "unexpected '!' at position 5"],
  ];
  test.each(cases)("%j: %s", (spec, message) => {
    expect(() => parseTimeRange(spec, now)).toThrow(message);
  });
});

test("a run is in a range from its start, to the second, up to the end", () => {
  const range = parseTimeRange("this minute", now);
  const micros = (date: Date) => date.getTime() * 1000;
  expect(startedInRange(micros(local("2026-11-30 17:45:00")!) + 999_999, range)).toBe(true);
  expect(startedInRange(micros(local("2026-11-30 17:44:59")!) + 999_999, range)).toBe(false);
  expect(startedInRange(micros(local("2026-11-30 17:46:00")!), range)).toBe(false);
  expect(startedInRange(null, range)).toBe(false);
});
