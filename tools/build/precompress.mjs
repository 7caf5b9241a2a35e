// Writes gzip and Brotli copies beside the text files of a built web app, so the API's static file
// server sends them compressed (@fastify/static `preCompressed`) without compressing per request.
// Usage: node tools/build/precompress.mjs <dir>…
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TEXT = /\.(js|mjs|css|html|svg|json|txt|webmanifest)$/;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (TEXT.test(name)) yield path;
  }
}

for (const dir of process.argv.slice(2)) {
  let n = 0;
  let raw = 0;
  let gz = 0;
  for (const path of files(dir)) {
    const data = readFileSync(path);
    const g = gzipSync(data, { level: 9 });
    writeFileSync(`${path}.gz`, g);
    writeFileSync(
      `${path}.br`,
      brotliCompressSync(data, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
      }),
    );
    n++;
    raw += data.length;
    gz += g.length;
  }
  console.log(
    `precompressed ${n} files in ${dir}: ${(raw / 1024).toFixed(1)} KB → ${(gz / 1024).toFixed(1)} KB gzip`,
  );
}
