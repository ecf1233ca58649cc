/**
 * Plain progress lines for people on stderr (stdout stays free for results such as the SDL).
 */
import type { Say } from '../say';

export const say: Say = {
  info: (msg: string): void => {
    process.stderr.write(`${msg}\n`);
  },
  warn: (msg: string): void => {
    process.stderr.write(`warning: ${msg}\n`);
  },
};
