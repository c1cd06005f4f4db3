// Part of `npm run build`: copies the shipped data next to the compiled code (dist/data), and writes
// the six stopword lists of the `stopword` package as small JSON files, so that a command reads the one
// list it needs instead of parsing the package's bundle of sixty languages at every start. The
// reference model is also written inflated (dist/data/reference.tsv), so no command pays to gunzip it.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gunzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);
cpSync('src/data', 'dist/data', { recursive: true, filter: (f) => !/[\\/]build([\\/]|$)|\.ts$|reference\.tsv\.gz$/.test(f) });
writeFileSync('dist/data/reference.tsv', gunzipSync(readFileSync('src/data/reference.tsv.gz')));
const lists = require('stopword');
mkdirSync('dist/data/stopword', { recursive: true });
for (const code of ['eng', 'fra', 'spa', 'rus', 'ara', 'zho']) {
  writeFileSync(`dist/data/stopword/${code}.json`, JSON.stringify(lists[code]));
}
