/** Colour, decided once from the flag, NO_COLOR / FORCE_COLOR and whether stdout is a terminal, then passed down. */

import { Chalk, type ChalkInstance } from 'chalk';

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

/** Plain text: every style (`bold`, `dim.red`, …) returns its text as it is, with no chalk instance to make. */
const plain: ChalkInstance = new Proxy((...text: unknown[]) => text.join(' '), { get: () => plain }) as unknown as ChalkInstance;

/** A style for rendering. */
export function makeStyle(color: boolean, width: number): Style {
  return { color, chalk: color ? new Chalk({ level: 1 }) : plain, width };
}
