import { describe, expect, it } from 'vitest';
import { ERROR_CODES, getErrorDefinition, WIRE_WORDINGS, wireMessage, wireWordings } from './index';

describe('wire wordings', () => {
  it('list every code of the registry, each wording with only parameters the code declares', () => {
    expect(Object.keys(WIRE_WORDINGS).sort()).toEqual([...ERROR_CODES].sort());
    for (const code of ERROR_CODES) {
      for (const wording of WIRE_WORDINGS[code]) {
        const names = [...wording.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]);
        for (const name of names) expect(getErrorDefinition(code).params, `${code}: ${wording}`).toContain(name);
      }
    }
  });

  it('add the interchangeable spellings and the optional final period', () => {
    const resource = wireWordings('ResourceNotFound');
    expect(resource).toEqual(expect.arrayContaining(["Resource {{resource}} wasn't found.", 'Resource {{resource}} was not found.', 'Resource {{resource}} was not found']));
    expect(wireWordings('ClientVersionNotSupported')).toContain('{{action}} is supported on client version {{version}} and above.');
    expect(wireWordings('OsPlatformNotSupported')).toContain('OS Platform {{platform}} is not supported for this action');
  });

  it('put a wording without parameter before a template, so an exact text is never read as a parameter', () => {
    const odata = wireWordings('ODataError');
    expect(odata.indexOf('Invalid OData URI query (the specific error is specified).')).toBeLessThan(odata.indexOf('Invalid OData URI query {{error}}.'));
    expect(wireWordings('Unauthorized')).toContain('Unauthorized (invalid or expired authorization header).');
  });

  it('are empty for anything that is not a code, and never repeat a wording', () => {
    for (const value of ['toString', '__proto__', 'NoSuchCode', 42, undefined, null]) expect(wireWordings(value)).toEqual([]);
    for (const code of ERROR_CODES) expect(new Set(wireWordings(code)).size).toBe(wireWordings(code).length);
    expect(Object.isFrozen(WIRE_WORDINGS)).toBe(true);
  });
});

describe('wireMessage', () => {
  it('fills the current wording, numbers the en-US way, and gives undefined when it cannot say it all', () => {
    expect(wireMessage('ResourceNotFound', { resource: 'Machine 42' })).toBe(WIRE_WORDINGS.ResourceNotFound[0]?.replace('{{resource}}', 'Machine 42'));
    expect(wireMessage('MaximumBatchSizeExceeded', { received: 1500, allowed: 1000 })).toBe(
      WIRE_WORDINGS.MaximumBatchSizeExceeded[0]?.replace('{{received}}', '1,500').replace('{{allowed}}', '1,000'),
    );
    expect(wireMessage('BadRequest')).toBe(WIRE_WORDINGS.BadRequest[0]);
    expect(wireMessage('ResourceNotFound', {})).toBeUndefined();
    expect(wireMessage('InternalServerError')).toBeUndefined();
    expect(wireMessage('toString')).toBeUndefined();
    const hostile = new Proxy({}, { has: () => { throw new Error('trap'); }, getOwnPropertyDescriptor: () => { throw new Error('trap'); } });
    expect(wireMessage('InvalidUrl', hostile)).toBeUndefined();
  });
});
