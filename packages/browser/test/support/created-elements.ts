/**
 * Records every element a script creates with `document.createElement` (the library and React
 * both do), as opposed to elements parsed from markup or cloned: the XSS detectors flag the latter.
 * Call once, at the top of a page script, before anything renders.
 */
export function recordScriptCreatedElements(): WeakSet<Element> {
  const created = new WeakSet<Element>();
  const realCreateElement = Document.prototype.createElement;
  Document.prototype.createElement = function createElement(this: Document, ...args: Parameters<Document['createElement']>) {
    const element = realCreateElement.apply(this, args);
    created.add(element);
    return element;
  } as Document['createElement'];
  return created;
}
