import { createErrorTranslator, type ErrorDescription } from '@defender-errors/i18n/lite';
import { describe, expect, it } from 'vitest';
import { buildErrorTree, errorViewTree, type ErrorViewFactory, type ErrorViewNode } from './view';

// The one markup description in Node: the shape of the tree and what a renderer's factory is handed
// (the Chromium suites check that renderError, <defender-error> and React render it identically).

const labels = createErrorTranslator().labels('en-US');
const full: ErrorDescription = {
  code: 'Mystery',
  known: false,
  renderedCode: 'BadRequest',
  status: 400,
  title: 'Bad Request',
  message: 'The request is invalid.',
  hint: 'Check the request.',
  target: 'id-1',
  serverMessage: 'Something odd',
  serverMessageMatched: false,
  params: {},
  retryAfter: 30,
  lng: 'en-US',
};
const bare: ErrorDescription = { ...full, known: true, hint: undefined, target: undefined, serverMessage: undefined, retryAfter: undefined };

/** Each element as `tag.piece[text]`, depth first. */
function outline(node: ErrorViewNode): string[] {
  return [`${node.tag}.${node.piece}${node.text === undefined ? '' : `[${node.text}]`}`, ...node.children.flatMap(outline)];
}

describe('errorViewTree', () => {
  it('gives every piece in document order, with the optional ones when the description has them', () => {
    const tree = errorViewTree(full, labels);
    expect(outline(tree)).toEqual([
      'div.root',
      'p.title[Bad Request]',
      'p.message[The request is invalid.]',
      'p.hint[Check the request.]',
      `p.retry[${labels.retryAfter(30)}]`,
      'dl.meta',
      'div.field',
      `dt.label[${labels.serverMessage}]`,
      'dd.serverMessage[Something odd]',
      'div.field',
      `dt.label[${labels.code}]`,
      'dd.code[Mystery]',
      'div.field',
      `dt.label[${labels.status}]`,
      'dd.status[400]',
      'div.field',
      `dt.label[${labels.trackingId}]`,
      'dd.tracking',
      'code.trackingId[id-1]',
      `button.copy[${labels.copy}]`,
    ]);
    expect(tree.attributes).toEqual({ role: 'alert', lang: 'en-US', 'data-code': 'Mystery', 'data-status': '400', 'data-known': 'false' });
    expect(tree.children[4]?.children.map((field) => field.className)).toEqual([
      'defender-error__field defender-error__field--server-message',
      'defender-error__field defender-error__field--code',
      'defender-error__field defender-error__field--status',
      'defender-error__field defender-error__field--tracking',
    ]);
  });

  it('leaves out the hint, retry, server message and copy button when there are none', () => {
    expect(outline(errorViewTree(bare, labels))).toEqual([
      'div.root',
      'p.title[Bad Request]',
      'p.message[The request is invalid.]',
      'dl.meta',
      'div.field',
      `dt.label[${labels.code}]`,
      'dd.code[Mystery]',
      'div.field',
      `dt.label[${labels.status}]`,
      'dd.status[400]',
      'div.field',
      `dt.label[${labels.trackingId}]`,
      'dd.tracking',
      `code.trackingId[${labels.noTrackingId}]`,
    ]);
  });
});

describe('buildErrorTree', () => {
  /** A factory that writes the element as text, the way a renderer's own would build it. */
  const serialize: ErrorViewFactory<string> = (tag, props, ...content) => `<${tag}${Object.entries(props).map(([name, value]) => ` ${name}="${value}"`).join('')}>${content.join('')}</${tag}>`;

  it('hands the factory the class names first, then the attributes, and the content in order', () => {
    const html = buildErrorTree(bare, labels, serialize);
    expect(html.startsWith('<div className="defender-error" role="alert" lang="en-US" data-code="Mystery" data-status="400"><p className="defender-error__title">Bad Request</p>')).toBe(true);
    expect(html).toContain(`<dd className="defender-error__tracking"><code className="defender-error__tracking-id">${labels.noTrackingId}</code></dd>`);
  });

  it('asks the renderer for the copy button only when there is a tracking ID, and puts it after the ID', () => {
    const asked: string[] = [];
    const html = buildErrorTree(full, labels, serialize, (target) => {
      asked.push(target);
      return '<copy/>';
    });
    expect(asked).toEqual(['id-1']);
    expect(html).toContain('<code className="defender-error__tracking-id" dir="auto">id-1</code><copy/></dd>');
    buildErrorTree(bare, labels, serialize, (target) => {
      asked.push(target);
      return '<copy/>';
    });
    expect(asked).toEqual(['id-1']);
  });
});
