// Jest runs TypeScript through SWC as CommonJS (Jest's ESM mode is still experimental). ESM-only
// syntax in our sources, import.meta.url / import.meta.dirname, is rewritten to its CommonJS
// equivalent first.
const { createTransformer } = require('@swc/jest');

const swc = createTransformer({
  jsc: {
    parser: { syntax: 'typescript', tsx: true },
    target: 'es2022',
    transform: { react: { runtime: 'automatic' } },
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
});

function rewriteImportMeta(source) {
  return source
    .replace(/import\.meta\.url/g, "require('node:url').pathToFileURL(__filename).href")
    .replace(/import\.meta\.dirname/g, '__dirname');
}

module.exports = {
  process(source, path, options) {
    return swc.process(rewriteImportMeta(source), path, options);
  },
  getCacheKey(source, path, options) {
    return swc.getCacheKey(rewriteImportMeta(source), path, options) + ':import-meta-v1';
  },
};
