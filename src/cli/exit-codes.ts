/** Process exit codes of `gasm`, in one place (see README "Exit codes"). */
export const EXIT = {
  ok: 0,
  /** An instruction failed (`run`), or a regression was found (`gate`, `history regressions`). */
  failure: 1,
  /** Bad usage or unusable input: unknown option, missing/corrupt/incompatible file, unusable output folder. */
  usage: 2,
  /**
   * An output could not be written after the work was done (disk full, permission lost, read-only file system):
   * what was written is printed before exiting with this code.
   */
  io: 3,
  /** Interrupted by SIGINT (128 + 2). */
  sigint: 130,
  /** Terminated by SIGTERM (128 + 15). */
  sigterm: 143,
} as const;
