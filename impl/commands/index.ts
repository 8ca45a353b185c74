// Every `guild` command, one line each.
import type { GuildCommand } from "./command.js";
import { compareCommand } from "./compare.js";
import { modelsCommand } from "./models.js";
import { operationsCommand } from "./operations.js";
import { runCommand } from "./run.js";
import { runsCommand } from "./runs.js";
import { lsCommand } from "./ls.js";
import { selectCommand } from "./select.js";
import { labelCommand } from "./label.js";
import { tagCommand } from "./tag.js";
import { helpCommand } from "./help.js";
import { catCommand } from "./cat.js";
import { markCommand } from "./mark.js";
import { commentCommand } from "./comment.js";
import { exportCommandSpec } from "./export.js";
import { importCommandSpec } from "./import.js";
import { mergeCommandSpec } from "./merge.js";
import { diffCommandSpec } from "./diff.js";
import { stopCommandSpec } from "./stop.js";
import { watchCommand } from "./watch.js";

export const commands: GuildCommand[] = [
  compareCommand,
  modelsCommand,
  operationsCommand,
  runCommand,
  runsCommand,
  lsCommand,
  selectCommand,
  labelCommand,
  tagCommand,
  catCommand,
  markCommand,
  commentCommand,
  exportCommandSpec,
  importCommandSpec,
  mergeCommandSpec,
  diffCommandSpec,
  stopCommandSpec,
  helpCommand,
  watchCommand,
];
