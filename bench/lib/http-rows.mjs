// The HTTP rows of the throughput suite: the error response of @defender-errors/http
// (createErrorResponse), node's sendError on top of it, and sendError as it was before the http
// package (its decision reproduced below, unchanged), all for the same errors and headers.
import { measureThroughput } from './harness.mjs';
import { requireDist } from './paths.mjs';

const core = await import(requireDist('core'));
const { createErrorResponse, negotiateLocale, getDefaultTranslator } = await import(requireDist('http'));
const { sendError } = await import(requireDist('node'));

const UUID = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i;
const LANGUAGE_TAG = /^[a-z\d]{1,8}(?:-[a-z\d]{1,8})*$/i;

/** A response that keeps what is written, as a `ServerResponse` does before it reaches the socket. */
function fakeResponse() {
  const headers = new Map();
  return {
    statusCode: 200,
    headersSent: false,
    setHeader(name, value) {
      headers.set(name.toLowerCase(), value);
      return this;
    },
    getHeader: (name) => headers.get(name.toLowerCase()),
    end(body) {
      this.body = body;
      headers.clear();
      return this;
    },
  };
}

/** sendError before @defender-errors/http (packages/node/src/http.ts at de0d37c): what it decided and wrote, for a 4xx or 5xx. */
function sendErrorBefore(res, error, req) {
  const translator = getDefaultTranslator();
  const lng = negotiateLocale(req.headers['accept-language'], translator.locales());
  const description = translator.describe(error, { lng });
  const status = Number.isInteger(description.status) && description.status >= 400 && description.status <= 599 ? description.status : (core.getErrorDefinition(description.renderedCode)?.status ?? 500);
  const hidden = status >= 500;
  const code = description.code;
  const target = typeof description.target === 'string' && description.target.length > 0 ? description.target : core.createTrackingId();
  const language = LANGUAGE_TAG.test(description.lng) ? description.lng : 'en-US';
  let message = description.message;
  if (hidden) message = translator.describe(new core.DefenderApiError(core.fallbackCodeForStatus(status), { status }), { lng: language }).message;
  // Issue 17's rule, added so that both paths send the same bytes: an English body speaks the wire wording.
  else if (language === 'en-US') message = core.wireMessage(description.renderedCode, description.params) ?? message;
  const payload = JSON.stringify({ error: { code, message, target } });
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Language', language);
  const current = res.getHeader('Vary');
  res.setHeader('Vary', typeof current === 'string' && current.length > 0 ? `${current}, Accept-Language` : 'Accept-Language');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Length', Buffer.byteLength(payload, 'utf8'));
  res.end(payload);
  return { status, code, target, lng: language, contentType: 'application/json; charset=utf-8' };
}

/** The rows, over 64 errors with tracking IDs and Accept-Language headers as browsers send them. */
export async function measureHttpRows(errors, options) {
  const headers = ['da-DK,da;q=0.9,en;q=0.8', 'en-US,en;q=0.9', 'da', 'en-GB,en;q=0.8'];
  const inputs = errors.map((error, index) => ({ error, req: { headers: { 'accept-language': headers[index % headers.length] }, method: 'GET' } }));
  for (const { error, req } of inputs) {
    const before = fakeResponse();
    const sentBefore = sendErrorBefore(before, error, req);
    const now = fakeResponse();
    const sentNow = sendError(now, error, { req });
    if (before.body !== now.body || JSON.stringify(sentBefore) !== JSON.stringify(sentNow)) throw new Error(`sendError changed its answer: ${before.body} / ${now.body}`);
    if (!UUID.test(sentNow.target)) throw new Error(`unexpected tracking ID ${sentNow.target}`);
  }
  const res = fakeResponse();
  return measureThroughput(
    [
      { name: 'sendError before @defender-errors/http', inputs, fn: ({ error, req }) => sendErrorBefore(res, error, req) },
      { name: 'sendError (writes createErrorResponse)', inputs, fn: ({ error, req }) => sendError(res, error, { req }) },
      { name: 'createErrorResponse()', inputs, fn: ({ error, req }) => createErrorResponse(error, { acceptLanguage: req.headers['accept-language'] }) },
    ],
    options,
  );
}
