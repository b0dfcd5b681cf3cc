/** Process exit codes of `gasm`, in one place (see README "Exit codes"). */
export const EXIT = {
  ok: 0,
  /** An instruction failed (`run`), or a regression was found (`gate`). */
  failure: 1,
  /** Bad usage or unusable input: unknown option, missing/corrupt/incompatible file. */
  usage: 2,
  /** Interrupted by SIGINT (128 + 2). */
  sigint: 130,
  /** Terminated by SIGTERM (128 + 15). */
  sigterm: 143,
} as const;
