// The hand-written components bench/react.mjs compares <DefenderError> with, for react-dom/server in
// Node and react-dom in Chromium alike (React and the translator are passed in, so both use their own).

/**
 * `HandWritten`: describe(...) in a <div> (the goal's floor: the same facts as text).
 * `HandWrittenMarkup`: the same 15 elements as <DefenderError>, written by hand (no copy behaviour).
 */
export function handWrittenComponents({ createElement: h, useTranslation, translator }) {
  const useDescription = (error) => {
    const { i18n } = useTranslation();
    return translator.describe(error, { lng: i18n.resolvedLanguage ?? i18n.language });
  };
  function HandWritten({ error }) {
    const d = useDescription(error);
    return h('div', { role: 'alert', lang: d.lng }, d.title, ' ', d.message, ' ', d.code, ' ', String(d.status), ' ', d.target ?? '');
  }
  function HandWrittenMarkup({ error }) {
    const d = useDescription(error);
    const l = translator.labels(d.lng);
    const field = (kind, label, value) => h('div', { className: `defender-error__field defender-error__field--${kind}` }, h('dt', { className: 'defender-error__label' }, label), value);
    return h(
      'div',
      { className: 'defender-error', role: 'alert', lang: d.lng, 'data-code': d.code, 'data-status': String(d.status) },
      h('p', { className: 'defender-error__title' }, d.title),
      h('p', { className: 'defender-error__message' }, d.message),
      h(
        'dl',
        { className: 'defender-error__meta' },
        field('code', l.code, h('dd', { className: 'defender-error__code', dir: 'auto' }, d.code)),
        field('status', l.status, h('dd', { className: 'defender-error__status' }, String(d.status))),
        field('tracking', l.trackingId, h('dd', { className: 'defender-error__tracking' }, h('code', { className: 'defender-error__tracking-id', dir: 'auto' }, d.target), h('button', { className: 'defender-error__copy', type: 'button' }, l.copy))),
      ),
    );
  }
  return { HandWritten, HandWrittenMarkup };
}
