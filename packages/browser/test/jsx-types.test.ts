import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const fixture = fileURLToPath(new URL('./types/jsx.tsx', import.meta.url));
const jsxEntry = fileURLToPath(new URL('../src/jsx.ts', import.meta.url));

/** Compiles the TSX fixture with tsc, with or without the package's JSX typings, and returns the error codes. */
function diagnostics(withTypings: boolean): number[] {
  const program = ts.createProgram([fixture], {
    jsx: ts.JsxEmit.ReactJSX,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    types: [],
    paths: { '@defender-errors/browser/jsx': [withTypings ? jsxEntry : fileURLToPath(new URL('./types/empty.ts', import.meta.url))] },
  });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => diagnostic.code);
}

describe('JSX typings for <defender-error> (React 19 TSX)', () => {
  it('type-check the element with code, params, target, lang, status, message and error', () => {
    expect(diagnostics(true)).toEqual([]);
  });

  it('are what makes it compile: without them tsc reports TS2339 on the intrinsic element', () => {
    const codes = diagnostics(false);
    expect(codes).toContain(2339);
  });
});
