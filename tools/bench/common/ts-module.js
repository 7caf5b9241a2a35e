'use strict';
/**
 * Loads one of the project's own TypeScript modules into a bench script, so a baseline uses the
 * API's very rules rather than a copy: the file is transpiled to CommonJS with the project's
 * TypeScript (types dropped, no type check) once, at start. Only for modules whose imports are
 * node built-ins or type-only (e.g. apps/api/src/app/tickets/queue-estimate.ts).
 */
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const ts = require('typescript');
const { ROOT } = require('./processes');

const loaded = new Map();

/** The exports of `relPath` (from the repository root). */
function requireTs(relPath) {
  const file = path.join(ROOT, relPath);
  const hit = loaded.get(file);
  if (hit) return hit;
  const { outputText } = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
    fileName: file,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
    },
  });
  const m = new Module(file, module);
  m.filename = file;
  m.paths = Module._nodeModulePaths(path.dirname(file));
  m._compile(outputText, file);
  loaded.set(file, m.exports);
  return m.exports;
}

module.exports = { requireTs };
