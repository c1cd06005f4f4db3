/** The build scripts' one way to read the General Debate tarball: stream its entries, never unpack. */

import { createReadStream } from 'node:fs';
import { Parser, type ReadEntry } from 'tar';

/** Stream every entry of a .tar.gz to `onEntry` (which must consume or resume it); resolves at the end. */
export function streamTarball(tarball: string, onEntry: (entry: ReadEntry) => void): Promise<void> {
  return new Promise<void>((done, fail) => {
    const parser = new Parser({ onReadEntry: onEntry });
    parser.on('end', () => done());
    parser.on('error', fail);
    createReadStream(tarball).on('error', fail).pipe(parser);
  });
}
