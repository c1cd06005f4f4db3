/** Colour, decided once from the flag, NO_COLOR / FORCE_COLOR and whether stdout is a terminal, then passed down. */

import type { ChalkInstance } from 'chalk';

export interface Style {
  color: boolean;
  chalk: ChalkInstance;
  /** Terminal width for tables; a default when not a terminal. */
  width: number;
}

/** Decide whether to colour: --no-color and NO_COLOR win, then FORCE_COLOR, then a TTY on stdout. */
export function decideColor(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return isTTY;
}

// chalk is loaded only when colour is possible at all (a terminal on stdout, or FORCE_COLOR): piped and
// redirected runs, the ones scripts make, skip its ~20 ms of start-up. Without it, styles are plain text.
// This reads the real process; a Run given another stdout or env (none does today) gets no colour when
// the process could not have had it.
const chalk = decideColor(undefined, process.env, Boolean(process.stdout.isTTY)) ? await import('chalk') : null;

/** chalk at level 0, without loading chalk: every style (`bold`, `dim.red`, …) returns its text as it is. */
const plain: ChalkInstance = new Proxy((...text: unknown[]) => text.join(' '), { get: () => plain }) as unknown as ChalkInstance;

/** A style for rendering. */
export function makeStyle(color: boolean, width: number): Style {
  return { color: color && chalk !== null, chalk: color && chalk !== null ? new chalk.Chalk({ level: 1 }) : plain, width };
}
