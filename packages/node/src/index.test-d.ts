import type { ServerResponse } from 'node:http';
import express, { type ErrorRequestHandler, type Response } from 'express';
import { DefenderApiError } from '@defender-errors/core';
import { createErrorTranslator } from '@defender-errors/i18n';
import { describe, expectTypeOf, it } from 'vitest';
import Fastify from 'fastify';
import { errorHandler, fastifyErrorHandler, formatForTerminal, negotiateLocale, sendError, type SentError } from './index';

describe('public types', () => {
  it('errorHandler is an Express error handler', () => {
    expectTypeOf(errorHandler()).toExtend<ErrorRequestHandler>();
    express().use(errorHandler({ problemJson: true, onError: (_error, _req, sent) => void sent.target }));
  });

  it('sendError takes node, Express and Fastify raw responses and an app translator', () => {
    expectTypeOf(sendError).parameter(0).toExtend<Pick<ServerResponse, 'statusCode'>>();
    const res = {} as ServerResponse;
    const expressRes = {} as Response;
    expectTypeOf(sendError(res, new DefenderApiError('Forbidden'))).toEqualTypeOf<SentError>();
    expectTypeOf(sendError(expressRes, new Error('x'), { translator: createErrorTranslator(), localize: false })).toEqualTypeOf<SentError>();
    // @ts-expect-error localize is a boolean
    sendError(res, new Error('x'), { localize: 'no' });
  });

  it('negotiateLocale and formatForTerminal return strings', () => {
    expectTypeOf(negotiateLocale('da')).toEqualTypeOf<string>();
    expectTypeOf(negotiateLocale(['da'], ['da-DK'])).toEqualTypeOf<string>();
    expectTypeOf(formatForTerminal(new DefenderApiError('Forbidden'), { lng: 'da', color: false })).toEqualTypeOf<string>();
  });

  it('fastifyErrorHandler fits fastify.setErrorHandler and types onError with the request', () => {
    const app = Fastify();
    app.setErrorHandler(fastifyErrorHandler({ problemJson: true, onError: (_error, request, sent) => void [request.headers['accept-language'], sent.target] }));
    // @ts-expect-error problemJson is a boolean
    fastifyErrorHandler({ problemJson: 'yes' });
  });
});
