import type { Plugin } from 'vite';

/**
 * TF.js starts each wasm thread by sending it the source of the threaded module's factory
 * (`factory.toString()`). That factory reads `_scriptDir`, a variable of the function around it;
 * once minified, the factory refers to it by a mangled name the thread does not have, and every
 * thread dies with "e is not defined". The two places it is read only matter where TF.js already
 * passes the module itself (`mainScriptUrlOrBlob`), so they are replaced by `undefined`.
 */
export function wasmThreadsSurviveMinification(): Plugin {
  const marker = 'function(WasmBackendModuleThreadedSimd) {';
  return {
    name: 'wasm-threads-survive-minification',
    transform(code, id) {
      if (!id.includes('tfjs-backend-wasm-threaded-simd.js')) return null;
      const start = code.indexOf(marker);
      if (start < 0) throw new Error(`${id}: the threaded factory was not found; check the wasm threads fix`);
      return { code: code.slice(0, start) + code.slice(start).replaceAll('_scriptDir', '(void 0)'), map: null };
    },
  };
}
