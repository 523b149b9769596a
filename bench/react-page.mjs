/* global window, document, performance */
// The page of bench/react.mjs's Chromium part (bundled with esbuild): re-renders <DefenderError> and
// the hand-written component with react-dom in a real DOM, and times the renders in the page.
import { DefenderApiError } from '@defender-errors/core';
import { createErrorTranslator } from '@defender-errors/i18n';
import { DefenderError } from '@defender-errors/react';
import i18next from 'i18next';
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { handWrittenComponents } from './lib/react-components.mjs';

const i18n = i18next.createInstance();
await i18n.init({ lng: 'da-DK', fallbackLng: 'en-US', resources: {} });
const translator = createErrorTranslator({ i18n });

const { HandWritten, HandWrittenMarkup } = handWrittenComponents({ createElement, useTranslation, translator });

const errors = Array.from({ length: 64 }, (_, index) => new DefenderApiError('InvalidIpAddress', { params: { ip: `10.0.${index}.300` }, target: `43f4cb08-8fac-4b65-9db1-${String(index).padStart(12, '0')}` }));
const components = { handWritten: HandWritten, component: DefenderError, markup: HandWrittenMarkup };

/**
 * Mounts `name` once, then re-renders it `count` times: with a new error each time (`changing`), or
 * with the same error as a parent re-render would (`same`). Returns nanoseconds per re-render.
 */
window.measure = (name, mode, count) => {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  const render = (index) => flushSync(() => root.render(createElement(I18nextProvider, { i18n }, createElement(components[name], { error: errors[mode === 'same' ? 0 : index % errors.length], tick: index }))));
  render(0);
  const started = performance.now();
  for (let index = 1; index <= count; index += 1) render(index);
  const elapsed = performance.now() - started;
  const text = host.textContent ?? '';
  root.unmount();
  host.remove();
  if (!text.includes('er ugyldig.')) throw new Error(`${name} rendered no Danish message`);
  return (elapsed * 1e6) / count;
};
document.documentElement.dataset.ready = 'true';
