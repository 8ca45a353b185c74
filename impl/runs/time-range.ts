// `-Fs RANGE` start-time ranges (guild/timerange): `today`, `last 2 hours`, `after 2023-01-05 10:00`, `between ... and ...`.

/** A range's bounds in local time; null is open. Runs started at or after `end` are outside. */
export type TimeRange = [Date | null, Date | null];

/** A bad RANGE, in Guild's words (shown after `invalid RANGE: `). */
export class TimeRangeError extends Error {}

type TokenType =
  | "TODAY" | "YESTERDAY" | "THIS" | "LAST" | "AGO" | "BEFORE" | "AFTER" | "BETWEEN" | "AND"
  | "LONGDATE" | "MEDIUMDATE" | "SHORTDATE" | "LONGTIME" | "SHORTTIME"
  | "NUMBER" | "MINUTE" | "HOUR" | "DAY" | "WEEK" | "MONTH" | "YEAR";

interface Token {
  type: TokenType;
  /** Ints of a date or time, the number, or the word. */
  value: number[] | number | string;
  text: string;
  pos: number;
}

const RESERVED = new Set(["today", "yesterday", "this", "last", "ago", "before", "after", "between", "and"]);

/** trlex's rules in definition order (ply tries them in turn, case-insensitively). */
const RULES: ReadonlyArray<readonly [TokenType | "RESERVED", RegExp]> = [
  ["LONGDATE", /([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})/iy],
  ["MEDIUMDATE", /([0-9]{2})-([0-9]{1,2})-([0-9]{1,2})/iy],
  ["SHORTDATE", /([0-9]{1,2})-([0-9]{1,2})/iy],
  ["LONGTIME", /([0-9]{1,2}):([0-9]{2}):([0-9]{2})/iy],
  ["SHORTTIME", /([0-9]{1,2}):([0-9]{2})/iy],
  ["DAY", /days?/iy],
  ["WEEK", /weeks?/iy],
  ["MONTH", /months?/iy],
  ["YEAR", /years?/iy],
  ["NUMBER", /[0-9]+/iy],
  ["HOUR", /hours?|hr/iy],
  ["MINUTE", /minutes?|min/iy],
  ["RESERVED", /[a-zA-Z]+/iy],
];

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < text.length) {
    if (" \t\n".includes(text[pos])) {
      pos++;
      continue;
    }
    let token: Token | null = null;
    for (const [type, pattern] of RULES) {
      pattern.lastIndex = pos;
      const match = pattern.exec(text);
      if (!match) continue;
      const word = match[0];
      if (type === "RESERVED") {
        if (!RESERVED.has(word.toLowerCase())) throw new TimeRangeError(`unexpected '${word}' at position ${pos}`);
        token = { type: word.toUpperCase() as TokenType, value: word, text: word, pos };
      } else if (type === "NUMBER") token = { type, value: Number(word), text: word, pos };
      else if (match.length > 1) token = { type, value: match.slice(1).map(Number), text: word, pos };
      else token = { type, value: word, text: word, pos };
      break;
    }
    if (!token) throw new TimeRangeError(`unexpected '${text.slice(pos)}' at position ${pos}`);
    tokens.push(token);
    pos += token.text.length;
  }
  return tokens;
}

type RangeOf = (ref: Date) => TimeRange;
/** A datetime spec; `kind` says what it implies as an interval (a day, a second or a minute). */
type DatetimeOf = (ref: Date) => { at: Date; kind: "date" | "longtime" | "time" };

const UNITS = new Set<TokenType>(["MINUTE", "HOUR", "DAY", "WEEK", "MONTH", "YEAR"]);

function checkedDate(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date {
  if (month < 1 || month > 12) throw new TimeRangeError("month must be in 1..12");
  const last = new Date(year, month, 0).getDate();
  if (day < 1 || day > last) throw new TimeRangeError("day is out of range for month");
  if (hour > 23) throw new TimeRangeError("hour must be in 0..23");
  if (minute > 59) throw new TimeRangeError("minute must be in 0..59");
  if (second > 59) throw new TimeRangeError("second must be in 0..59");
  const date = new Date(year, month - 1, day, hour, minute, second);
  date.setFullYear(year);
  return date;
}

const addMinutes = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);
const addDays = (date: Date, days: number) => {
  const shifted = new Date(date);
  shifted.setDate(shifted.getDate() + days);
  return shifted;
};

function startOf(ref: Date, unit: TokenType): Date {
  const start = new Date(ref);
  start.setMilliseconds(0);
  start.setSeconds(0);
  if (unit === "MINUTE") return start;
  start.setMinutes(0);
  if (unit === "HOUR") return start;
  start.setHours(0);
  if (unit === "DAY") return start;
  if (unit === "WEEK") return addDays(start, -((start.getDay() + 6) % 7));
  start.setDate(1);
  if (unit === "MONTH") return start;
  start.setMonth(0);
  return start;
}

/** trparse's unit ranges: this unit, or `shift` units back. */
function unitRange(ref: Date, unit: TokenType, shift: number): TimeRange {
  const start = startOf(ref, unit);
  switch (unit) {
    case "MINUTE":
      return [addMinutes(start, shift), addMinutes(start, shift + 1)];
    case "HOUR":
      return [addMinutes(start, shift * 60), addMinutes(start, (shift + 1) * 60)];
    case "DAY":
      return [addDays(start, shift), addDays(start, shift + 1)];
    case "WEEK":
      return [addDays(start, shift * 7), addDays(start, shift * 7 + 7)];
    case "MONTH": {
      // Guild's month range ends on the month's last day at midnight (that day itself is left out).
      const shifted = new Date(start);
      shifted.setMonth(shifted.getMonth() + shift);
      const end = new Date(shifted);
      end.setMonth(end.getMonth() + 1);
      end.setDate(0);
      return [shifted, end];
    }
    default: {
      const shifted = new Date(start);
      shifted.setFullYear(shifted.getFullYear() + shift);
      const end = new Date(shifted);
      end.setFullYear(end.getFullYear() + 1);
      return [shifted, end];
    }
  }
}

class Parser {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): RangeOf {
    const spec = this.spec();
    if (this.peek()) this.unexpected();
    return spec;
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private next(): Token {
    const token = this.peek();
    if (!token) this.unexpected();
    this.index++;
    return token;
  }

  private unexpected(): never {
    const token = this.peek();
    if (!token) throw new TimeRangeError("spec cannot be empty");
    const shown = Array.isArray(token.value) ? `(${token.value.join(", ")})` : String(token.value);
    throw new TimeRangeError(`unexpected '${shown}' at pos ${token.pos}`);
  }

  private spec(): RangeOf {
    const type = this.peek()?.type;
    if (type === "LAST") return this.lastUnit();
    if (type === "BETWEEN") return this.explicitRange();
    if (type === "BEFORE" || type === "AFTER") return this.operatorRange();
    if (this.startsDatetime()) {
      const datetime = this.datetime();
      return (ref) => datetimeRange(datetime(ref));
    }
    return this.unitRange();
  }

  private startsDatetime(): boolean {
    const type = this.peek()?.type;
    return type === "LONGDATE" || type === "MEDIUMDATE" || type === "SHORTDATE" || type === "LONGTIME" || type === "SHORTTIME";
  }

  private unitRange(): RangeOf {
    const token = this.next();
    if (token.type === "TODAY") return (ref) => unitRange(ref, "DAY", 0);
    if (token.type === "YESTERDAY") return (ref) => unitRange(ref, "DAY", -1);
    if (token.type === "THIS") {
      const unit = this.unit();
      return (ref) => unitRange(ref, unit, 0);
    }
    if (token.type === "NUMBER") {
      const unit = this.unit();
      if (this.peek()?.type !== "AGO") this.unexpected();
      this.next();
      const shift = token.value as number;
      return (ref) => unitRange(ref, unit, -shift);
    }
    this.index--;
    this.unexpected();
  }

  private unit(): TokenType {
    const token = this.peek();
    if (!token || !UNITS.has(token.type)) this.unexpected();
    this.next();
    return token.type;
  }

  private operatorRange(): RangeOf {
    const operator = this.next().type;
    if (this.startsDatetime()) {
      const datetime = this.datetime();
      return operator === "BEFORE" ? (ref) => [null, datetime(ref).at] : (ref) => [datetime(ref).at, null];
    }
    const range = this.unitRange();
    return operator === "BEFORE" ? (ref) => [null, range(ref)[0]] : (ref) => [range(ref)[1], null];
  }

  private lastUnit(): RangeOf {
    this.next();
    let count = 1;
    if (this.peek()?.type === "NUMBER") count = this.next().value as number;
    const token = this.peek();
    if (!token || !["MINUTE", "HOUR", "DAY"].includes(token.type)) this.unexpected();
    this.next();
    const minutes = count * (token.type === "MINUTE" ? 1 : token.type === "HOUR" ? 60 : 1440);
    return (ref) => [new Date(ref.getTime() - minutes * 60_000), null];
  }

  private explicitRange(): RangeOf {
    this.next();
    const first = this.range();
    if (this.peek()?.type !== "AND") this.unexpected();
    this.next();
    const second = this.range();
    return (ref) => {
      const [start1, end1] = first(ref);
      const [start2, end2] = second(ref);
      // Python compares the starts; an open start (None) cannot be compared and fails there.
      if (start1 === null || start2 === null) throw new TimeRangeError("'<' not supported between instances of 'NoneType' and 'datetime.datetime'");
      return start1 < start2 ? [start1, end2] : [start2, end1];
    };
  }

  private range(): RangeOf {
    const type = this.peek()?.type;
    if (type === "BEFORE" || type === "AFTER") return this.operatorRange();
    if (this.startsDatetime()) {
      const datetime = this.datetime();
      return (ref) => [datetime(ref).at, datetime(ref).at];
    }
    return this.unitRange();
  }

  private datetime(): DatetimeOf {
    const token = this.next();
    if (token.type === "LONGTIME" || token.type === "SHORTTIME") return timeOf((ref) => ref, token);
    const [a, b, c] = token.value as number[];
    const dateOf = (ref: Date): [number, number, number] => {
      if (token.type === "LONGDATE") return [a, b, c];
      if (token.type === "MEDIUMDATE") return [Math.floor(ref.getFullYear() / 100) * 100 + a, b, c];
      return [ref.getFullYear(), a, b];
    };
    const time = this.peek();
    if (time && (time.type === "LONGTIME" || time.type === "SHORTTIME")) {
      this.next();
      return timeOf((ref) => checkedDate(...dateOf(ref)), time);
    }
    return (ref) => ({ at: checkedDate(...dateOf(ref)), kind: "date" });
  }
}

function timeOf(dayOf: (ref: Date) => Date, token: Token): DatetimeOf {
  const [hour, minute, second = 0] = token.value as number[];
  return (ref) => {
    const day = dayOf(ref);
    return { at: checkedDate(day.getFullYear(), day.getMonth() + 1, day.getDate(), hour, minute, second), kind: token.type === "LONGTIME" ? "longtime" : "time" };
  };
}

/** A datetime on its own is its day, its second (with seconds given) or its minute. */
function datetimeRange({ at, kind }: { at: Date; kind: "date" | "longtime" | "time" }): TimeRange {
  if (kind === "date") return unitRange(at, "DAY", 0);
  if (kind === "longtime") return [at, new Date(at.getTime() + 1000)];
  return unitRange(at, "MINUTE", 0);
}

/** Parses RANGE against the current local time. */
export function parseTimeRange(spec: string, now: Date): TimeRange {
  return new Parser(tokenize(spec)).parse()(now);
}

/** Whether a run started (microseconds) falls in the range, compared to the second as Guild does. */
export function startedInRange(startedMicros: number | null, [start, end]: TimeRange): boolean {
  if (!startedMicros) return false;
  const started = new Date(Math.floor(startedMicros / 1_000_000) * 1000);
  if (start && started < start) return false;
  if (end && started >= end) return false;
  return true;
}
