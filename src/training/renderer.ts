/**
 * Which renderer a GPU backend runs on. A software rasteriser (SwiftShader, llvmpipe) computes on the
 * CPU, where WebGL trains this model several times slower than wasm (docs/performance.md): the
 * automatic backend order skips it, and a GPU backend that runs on one anyway gets the engine
 * formulation meant for CPUs.
 */

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software/i;

function glRenderer(gl: WebGLRenderingContext | WebGL2RenderingContext): string {
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
}

/**
 * The renderer of `backend` (a TF.js backend object) when it is a software rasteriser (WebGL or
 * WebGPU on SwiftShader, llvmpipe), else null, as for the CPU backends.
 */
export function softwareRendererOf(backend: unknown): string | null {
  const gpu = backend as {
    gpgpu?: { gl?: WebGLRenderingContext | WebGL2RenderingContext };
    adapterInfo?: { vendor?: string; architecture?: string };
  };
  const gl = gpu.gpgpu?.gl;
  const info = gpu.adapterInfo;
  const renderer = gl ? glRenderer(gl) : info ? `${info.vendor ?? ''} ${info.architecture ?? ''}` : '';
  return SOFTWARE_RENDERER.test(renderer) ? renderer.trim() : null;
}

/**
 * The name of the renderer a new WebGL context would get when it is a software rasteriser, else
 * null (also where there is no WebGL at all, as in Node). Asked before WebGL is started, so that a
 * slow renderer costs no backend start.
 */
export function softwareWebGLRenderer(): string | null {
  if (typeof OffscreenCanvas === 'undefined') return null;
  try {
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2') ?? new OffscreenCanvas(1, 1).getContext('webgl');
    if (!gl) return null;
    const renderer = glRenderer(gl);
    return SOFTWARE_RENDERER.test(renderer) ? renderer : null;
  } catch {
    return null;
  }
}
