// The parameters of a `guild run` (Guild's run_params), as the run stores them in its `run_params` attr.

/** Every `guild run` parameter by Guild's Python name, as stored in the `run_params` attr. */
export interface RunParams {
  additional_deps: string[];
  background: boolean;
  batch_comment: string | null;
  batch_label: string | null;
  batch_tags: string[];
  break_: string[];
  break_on_error: boolean;
  comment: string | null;
  debug_sourcecode: string | null;
  edit_batch_comment: boolean;
  edit_comment: boolean;
  edit_flags: boolean;
  fail_on_trial_error: boolean;
  flags: string[];
  force_deps: boolean;
  force_flags: boolean;
  force_sourcecode: boolean;
  gpus: string | null;
  help_model: boolean;
  help_op: boolean;
  keep_batch: boolean;
  keep_run: boolean;
  label: string | null;
  max_trials: number | null;
  maximize: string | null;
  minimize: string | null;
  needed: boolean;
  no_gpus: boolean;
  no_wait: boolean;
  opspec: string | null;
  opt_flags: string[];
  optimize: boolean;
  optimizer: string | null;
  pidfile: string | null;
  print_cmd: boolean;
  print_env: boolean;
  print_trials: boolean;
  proto: string | null;
  quiet: boolean;
  random_seed: number | null;
  remote: string | null;
  restart: string | null;
  run_dir: string | null;
  run_id: string | null;
  save_trials: string | null;
  stage: boolean;
  stage_trials: boolean;
  stop_after: number | null;
  tags: string[];
  test_flags: boolean;
  test_output_scalars: string | null;
  test_sourcecode: boolean;
  yes: boolean;
}

/** The run_params attr: every parameter, keys sorted when written. */
export function runParamsAttr(params: RunParams): Record<string, unknown> {
  return { ...params };
}

/** run_impl._check_incompatible_options: pairs of options that cannot be given together. */
const INCOMPATIBLE: ReadonlyArray<readonly [keyof RunParams, keyof RunParams]> = [
  ["minimize", "maximize"],
  ["no_gpus", "gpus"],
  ["optimize", "optimizer"],
  ["print_cmd", "print_env"],
  ["print_trials", "stage_trials"],
  ["stage", "background"],
  ["stage", "pidfile"],
  ["remote", "background"],
  ["remote", "pidfile"],
  ["remote", "edit_flags"],
  ["remote", "edit_comment"],
  ["remote", "break_"],
  ["remote", "break_on_error"],
];

const isGiven = (value: unknown) => (Array.isArray(value) ? value.length > 0 : Boolean(value));

/** The first incompatible pair given, as Guild words it (`--stage and --background cannot both be used`), or null. */
export function incompatibleRunOptions(params: RunParams): string | null {
  const option = (name: string) => "--" + name.replace(/_+$/, "").replace(/_/g, "-");
  for (const [first, second] of INCOMPATIBLE) {
    if (isGiven(params[first]) && isGiven(params[second])) return `${option(first)} and ${option(second)} cannot both be used`;
  }
  return null;
}
