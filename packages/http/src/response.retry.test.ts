import { DefenderApiError, fallbackCodeForStatus } from '@defender-errors/core';
import { createErrorTranslator, SUPPORTED_LOCALES } from '@defender-errors/i18n';
import { describe, expect, it } from 'vitest';
import { createErrorResponse, toResponse, type TranslatorLike } from './index';

// Issue 17: the wait of Retry-After is said in the body too, in the client's language and plural form.

const translator = createErrorTranslator();
const quota = (retryAfter: number | undefined) => new DefenderApiError('TooManyRequests', { retryAfter });
const messageOf = (body: string) => {
  const payload = JSON.parse(body) as { error?: { message: string }; detail?: string };
  return payload.error?.message ?? payload.detail;
};

describe('the wait of Retry-After in the body', () => {
  it.each([
    ['en-US', 1, 'Retry after 1 second.'],
    ['en-US', 30, 'Retry after 30 seconds.'],
    ['da-DK', 1, 'Prøv igen om 1 sekund.'],
    ['da-DK', 30, 'Prøv igen om 30 sekunder.'],
  ])('%s, %s s: "%s" after the message, in the wire body and in problem+json', (lng, seconds, sentence) => {
    const expected = `${translator.format('TooManyRequests', {}, { lng })} ${sentence}`;
    expect(messageOf(createErrorResponse(quota(seconds), { lng }).body)).toBe(expected);
    expect(messageOf(createErrorResponse(quota(seconds), { lng, problem: true }).body)).toBe(expected);
  });

  it.each(SUPPORTED_LOCALES)('%s: the plural form of the locale, for the seconds the header says (rounded up)', (lng) => {
    for (const seconds of [1, 2, 5, 21, 30, 86_400]) {
      const decided = createErrorResponse(quota(seconds - 0.5), { lng });
      expect(decided.headers['Retry-After']).toBe(String(seconds));
      expect(messageOf(decided.body)).toBe(`${translator.format('TooManyRequests', {}, { lng })} ${translator.labels(lng).retryAfter(seconds)}`);
    }
  });

  it('a 503 says the generic text of its status and the wait, nothing of the error', () => {
    const error = Object.assign(new Error('db-7 is down'), { status: 503, headers: { 'retry-after': '12' } });
    const decided = createErrorResponse(error, { lng: 'da-DK' });
    expect(decided.status).toBe(503);
    expect(messageOf(decided.body)).toBe(`${translator.format(fallbackCodeForStatus(503), {}, { lng: 'da-DK' })} ${translator.labels('da-DK').retryAfter(12)}`);
    expect(decided.body).not.toContain('db-7');
  });

  it('no wait without Retry-After, for 0 seconds, on other statuses, and with localize: false', () => {
    const plain = translator.format('TooManyRequests', {}, { lng: 'da-DK' });
    expect(messageOf(createErrorResponse(quota(undefined), { lng: 'da-DK' }).body)).toBe(plain);
    const zero = createErrorResponse(quota(0), { lng: 'da-DK' });
    expect(zero.headers['Retry-After']).toBe('0');
    expect(messageOf(zero.body)).toBe(plain);
    expect(messageOf(createErrorResponse(new DefenderApiError('Forbidden', { retryAfter: 5 }), { lng: 'da-DK' }).body)).toBe(translator.format('Forbidden', {}, { lng: 'da-DK' }));
    const wire = createErrorResponse(new DefenderApiError<string>('TooManyRequests', { retryAfter: 30, serverMessage: 'Rate limit is exceeded.' }), { localize: false });
    expect(wire.headers['Retry-After']).toBe('30');
    expect(messageOf(wire.body)).toBe('Rate limit is exceeded.');
  });

  it('after a full-width stop the wait follows without a space', () => {
    const base = createErrorTranslator();
    const japanese: TranslatorLike = {
      describe: (error, options) => ({ ...base.describe(error, options), message: 'API の上限に達しました。' }),
      labels: (lng) => ({ ...base.labels(lng), retryAfter: (seconds: number) => `${seconds} 秒後に再試行してください。` }),
      format: base.format.bind(base) as TranslatorLike['format'],
      resolveLanguage: base.resolveLanguage.bind(base),
      locales: base.locales.bind(base),
    };
    expect(messageOf(createErrorResponse(quota(30), { translator: japanese }).body)).toBe('API の上限に達しました。30 秒後に再試行してください。');
  });

  it('a full-width stop inside the message is not its end; an empty message is the wait alone', () => {
    const base = createErrorTranslator();
    const saying = (message: string): TranslatorLike => ({
      describe: (error, options) => ({ ...base.describe(error, options), message }),
      labels: base.labels.bind(base),
      format: base.format.bind(base) as TranslatorLike['format'],
      resolveLanguage: base.resolveLanguage.bind(base),
      locales: base.locales.bind(base),
    });
    const wait = translator.labels('en-US').retryAfter(30);
    expect(messageOf(createErrorResponse(quota(30), { translator: saying('上限。Over the quota') }).body)).toBe(`上限。Over the quota ${wait}`);
    expect(messageOf(createErrorResponse(quota(30), { translator: saying('') }).body)).toBe(wait);
  });

  it('toResponse sends the same body', async () => {
    const response = toResponse(quota(1), new Request('http://127.0.0.1/', { headers: { 'accept-language': 'da' } }));
    expect(response.headers.get('retry-after')).toBe('1');
    expect(messageOf(await response.text())).toBe(`${translator.format('TooManyRequests', {}, { lng: 'da-DK' })} Prøv igen om 1 sekund.`);
  });
});
