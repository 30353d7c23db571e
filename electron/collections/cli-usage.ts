/** Usage text and the usage error of `arw case`, kept apart so the CLI loads the case code only when it runs. */
export const CASE_USAGE = `  arw case export --ledger F --customer CODE --out FILE.zip [--as-of YYYY-MM-DD]
  arw case verify FILE.zip`;

export class CaseUsageError extends Error {}
