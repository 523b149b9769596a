// The page script of security/src/real-clients.e2e.test.ts, bundled with esbuild for the browser:
// real fetch and the browser build of axios against the loopback Defender API that serves this
// page, rendered by renderError of the built @defender-errors/browser.
import { buildErrorView, ERROR_CLASS_NAMES, renderError } from '@defender-errors/browser';
import { readError } from '@defender-errors/core';
import { createErrorTranslator } from '@defender-errors/i18n';
import axios from 'axios';
import { createInstance } from 'i18next';
// Only the factories: the package's entry also loads vitest, which has no place in a page.
import { HOSTILE_VALUE_FACTORIES } from '../../../tooling/test-support/src/hostile-values';

/** What a rendered error shows, read back from the DOM as plain data. */
export interface RenderedError {
  readonly code: string | undefined;
  readonly status: string | undefined;
  readonly lang: string;
  readonly message: string | undefined;
  readonly serverMessage: string | undefined;
  readonly trackingId: string | undefined;
  readonly retry: string | undefined;
  readonly trackingLabel: string | undefined;
}

const translator = createErrorTranslator();
const container = document.querySelector('#errors') as HTMLElement;

function textOf(root: HTMLElement, name: keyof typeof ERROR_CLASS_NAMES): string | undefined {
  return root.querySelector(`.${ERROR_CLASS_NAMES[name]}`)?.textContent ?? undefined;
}

function read(root: HTMLElement): RenderedError {
  return {
    code: root.dataset['code'],
    status: root.dataset['status'],
    lang: root.lang,
    message: textOf(root, 'message'),
    serverMessage: textOf(root, 'serverMessage'),
    trackingId: textOf(root, 'trackingId'),
    retry: textOf(root, 'retry'),
    trackingLabel: root.querySelector(`.${ERROR_CLASS_NAMES.field}--tracking .${ERROR_CLASS_NAMES.label}`)?.textContent ?? undefined,
  };
}

const proof = {
  /** fetch, then the Response's read result (core's readError) to renderError. */
  async fetched(path: string): Promise<RenderedError> {
    const response = await fetch(path);
    return read(renderError(container, await readError(response), { translator, lng: 'en-US' }));
  },
  /** What the browser build of axios rejects with, to renderError as it is. */
  async axios(path: string): Promise<RenderedError | string> {
    try {
      await axios.get(path);
      return 'axios did not reject';
    } catch (error) {
      if (!axios.isAxiosError(error)) return 'not an AxiosError';
      return read(renderError(container, error, { translator }));
    }
  },
  /** An app i18next instance on `lng`: renderError with no lng, before and after changeLanguage('en-US'). */
  async appLanguage(path: string, lng: string): Promise<RenderedError[]> {
    const app = createInstance();
    await app.init({ lng, fallbackLng: 'en', resources: { [lng]: { translation: {} } } });
    const following = createErrorTranslator({ i18n: app });
    const info = await readError(await fetch(path));
    const before = read(renderError(container, info, { translator: following }));
    await app.changeLanguage('en-US');
    return [before, read(renderError(container, info, { translator: following }))];
  },
  /**
   * renderError, and buildErrorView of its description, for every hostile value of test-support
   * (throwing getters, revoked and throwing proxies, cyclic, frozen, null-prototype…), made here.
   */
  hostile(): (RenderedError | string)[] {
    return HOSTILE_VALUE_FACTORIES.flatMap((make): (RenderedError | string)[] => {
      try {
        const rendered = read(renderError(container, make(), { translator }));
        const description = translator.describe(make());
        const built = read(buildErrorView(description, translator.labels(description.lng), { document }));
        return [rendered, built];
      } catch (error) {
        return [`threw: ${String(error)}`];
      }
    });
  },
};

declare global {
  interface Window {
    proof: typeof proof;
  }
}

window.proof = proof;
document.documentElement.dataset['ready'] = 'true';
