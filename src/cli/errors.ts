/** Errors that end a run: typed with an exit code and a hint; only the CLI entry turns them into an exit. */

export const EXIT_OK = 0;
export const EXIT_NOTHING_FOUND = 1;
export const EXIT_ERROR = 2;

export class UserError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    readonly exitCode: number = EXIT_ERROR,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
