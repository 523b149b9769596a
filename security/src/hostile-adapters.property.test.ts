import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { errorViewTree, detectLocale, copyButtonState } from '@defender-errors/browser';
import { isErrorCode } from '@defender-errors/core';
import { createErrorResponse, errorResponder, negotiateLocale as negotiateHttpLocale, toResponse } from '@defender-errors/http';
import { createErrorTranslator, SUPPORTED_LOCALES } from '@defender-errors/i18n';
import { escapeTerminalText, formatForTerminal, negotiateLocale as negotiateNodeLocale, sendError } from '@defender-errors/node';
import { DefenderError, useErrorDescription } from '@defender-errors/react';
import { guardGlobals, HOSTILE_VALUE_FACTORIES, propertySeed, unsafeTerminalCharacters } from '@defender-errors/test-support';
import fc from 'fast-check';
import { createInstance } from 'i18next';
import { createElement, type ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Issue 18 point 3 across the adapters: every public function of http, node, browser (its pure
// functions, in Node) and react that is documented never to throw holds for hostile objects as the
// error, the parameters and the options. core and i18n have their own suites
// (packages/core/src/hostile.property.test.ts, packages/i18n/src/hostile.test.ts).

const seed = propertySeed(20_261_207);
const RUNS = 10_000;
const parameters = { seed, numRuns: RUNS } as const;
/** A cap, not a timing assertion: 10 000 runs of a whole HTTP decision take a while on 2 shared cores. */
const PROPERTY_TIMEOUT = 300_000;
const LOCALES: readonly string[] = SUPPORTED_LOCALES;

guardGlobals();

/**
 * Makers of hostile values (throwing getters, revoked and throwing proxies, cyclic, frozen,
 * null-prototype objects…) or of any value at all. fast-check gets the makers, not the values: it
 * would itself trip over a revoked Proxy when it prints a counterexample.
 */
const hostile: fc.Arbitrary<() => unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_VALUE_FACTORIES) },
  { weight: 1, arbitrary: fc.anything({ withNullPrototype: true, withObjectString: true, maxDepth: 2 }).map((value) => () => value) },
);

/** A `supported` list of any entries, hostile ones included (the list itself is the app's configuration). */
const hostileList: fc.Arbitrary<() => unknown[]> = fc.array(hostile, { maxLength: 4 }).map((makers) => () => makers.map((make) => make()));

type Loose = (...args: unknown[]) => unknown;

function expectStatus(status: unknown): void {
  expect(Number.isInteger(status) && (status as number) >= 400 && (status as number) <= 599, `status ${String(status)}`).toBe(true);
}

/**
 * `negotiateLocale` never throws on a header; a `supported` list with no valid tag at all is a
 * programming error it documents (`@throws TypeError`). Anything else is a finding.
 */
function expectLocaleOrRefusal(negotiate: () => string): void {
  let answer: unknown;
  try {
    answer = negotiate();
  } catch (error) {
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe('negotiateLocale: `supported` must list at least one valid BCP 47 language tag.');
    return;
  }
  expect(typeof answer).toBe('string');
}

/** The SGR sequences formatForTerminal puts around text when color is on (options may turn it on). */
const STYLES = ['\u001b[1m', '\u001b[22m', '\u001b[2m', '\u001b[31m', '\u001b[39m'];

function withoutStyles(text: string): string {
  return STYLES.reduce((rest, style) => rest.replaceAll(style, ''), text);
}

/** A real `ServerResponse` with no socket: `setHeader` validates as on a live server, `end` keeps the body. */
function detachedResponse(): { res: ServerResponse; sent: () => string } {
  const res = new ServerResponse(new IncomingMessage(new Socket()));
  let body = '';
  const end = res.end.bind(res) as (chunk?: unknown) => ServerResponse;
  res.end = ((chunk?: unknown) => {
    if (typeof chunk === 'string') body += chunk;
    return end();
  }) as ServerResponse['end'];
  return { res, sent: () => body };
}

describe(`http (seed ${seed}, ${RUNS} runs)`, () => {
  it('negotiateLocale, createErrorResponse, toResponse and errorResponder never throw', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, hostile, hostile, hostileList, async (makeError, makeOptions, makeRequest, makeList) => {
        expect(LOCALES).toContain(negotiateHttpLocale(makeError() as never));
        expectLocaleOrRefusal(() => negotiateHttpLocale(makeError() as never, makeList() as never));
        const decided = createErrorResponse(makeError(), makeOptions() as never);
        expectStatus(decided.status);
        expect(() => JSON.parse(decided.body) as unknown).not.toThrow();
        const response = (toResponse as Loose)(makeError(), makeRequest(), makeOptions()) as Response;
        expectStatus(response.status);
        const body = (await response.json()) as { error?: { code?: unknown } };
        expect(typeof body.error?.code).toBe('string');
        const responded = (errorResponder as Loose)(makeOptions()) as Loose;
        expectStatus((responded(makeError(), makeRequest()) as Response).status);
      }),
      parameters,
    );
  }, PROPERTY_TIMEOUT);
});

describe(`node (seed ${seed}, ${RUNS} runs)`, () => {
  it('sendError on a real ServerResponse, formatForTerminal, escapeTerminalText and negotiateLocale never throw', () => {
    fc.assert(
      fc.property(hostile, hostile, hostileList, (makeError, makeOptions, makeList) => {
        const { res, sent } = detachedResponse();
        const result = sendError(res, makeError(), makeOptions() as never);
        expectStatus(res.statusCode);
        expect(result.status).toBe(res.statusCode);
        const written = JSON.parse(sent()) as { error: { code: string; target: string } };
        expect(isErrorCode(written.error.code) || res.statusCode < 500).toBe(true);
        expect(written.error.target).toBe(result.target);

        const text = (formatForTerminal as Loose)(makeError(), makeOptions());
        expect(typeof text).toBe('string');
        expect(unsafeTerminalCharacters(withoutStyles(String(text)))).toEqual([]);
        expect(unsafeTerminalCharacters(escapeTerminalText(String(text)))).toEqual([]);
        expect(LOCALES).toContain(negotiateNodeLocale(makeError() as never));
        expectLocaleOrRefusal(() => negotiateNodeLocale(makeError() as never, makeList() as never));
      }),
      parameters,
    );
  }, PROPERTY_TIMEOUT);
});

describe(`browser, pure functions in Node (seed ${seed}, ${RUNS} runs)`, () => {
  const translator = createErrorTranslator();
  it('detectLocale never throws; errorViewTree and copyButtonState build the view of any described value', () => {
    fc.assert(
      fc.property(hostile, hostile, (makeValue, makeOther) => {
        expect(LOCALES).toContain(detectLocale(makeValue()));
        expect(typeof detectLocale(makeValue(), makeOther())).toBe('string');
        const description = translator.describe(makeValue(), makeOther() as never);
        const labels = translator.labels(makeOther() as never);
        const tree = errorViewTree(description, labels);
        expect(tree.attributes['data-code']).toBe(description.code);
        expect(tree.attributes['role']).toBe('alert');
        expect(typeof copyButtonState(labels, makeValue() === true).text).toBe('string');
      }),
      parameters,
    );
  }, PROPERTY_TIMEOUT);
});

describe(`react through react-dom/server (seed ${seed}, ${RUNS} runs)`, () => {
  const app = createInstance();
  beforeAll(async () => {
    await app.use(initReactI18next).init({ lng: 'da', fallbackLng: 'en', resources: { da: { translation: {} } }, interpolation: { escapeValue: false } });
  });
  afterAll(() => {
    app.off('languageChanged');
  });

  function Probe(props: { readonly error: unknown; readonly options: unknown }): ReactNode {
    const description = useErrorDescription(props.error, props.options as never);
    return createElement('output', { 'data-code': description?.code ?? 'none' }, description?.message ?? '');
  }

  it('useErrorDescription and <DefenderError> render any error, with any props', () => {
    fc.assert(
      fc.property(hostile, hostile, (makeError, makeOptions) => {
        const html = renderToString(
          createElement(I18nextProvider, { i18n: app }, createElement(Probe, { error: makeError(), options: makeOptions() }), createElement(DefenderError, { error: makeError() })),
        );
        expect(html).toMatch(/^<output data-code="[^"]+">/);
        expect(html).not.toContain('<script');
      }),
      parameters,
    );
  }, PROPERTY_TIMEOUT);
});
