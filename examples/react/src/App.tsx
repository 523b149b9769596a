import { DefenderError } from '@defender-errors/react';
import axios from 'axios';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { APP_LANGUAGES, LANGUAGE_NAMES, PANELS, type Panel } from './ui-text';

/** Calls the panel's endpoint with its client; resolves to what went wrong (an axios error or a fetch Response). */
async function callApi(panel: Panel): Promise<unknown> {
  if (panel.client === 'axios') {
    try {
      await axios.get(panel.path);
      return null;
    } catch (error) {
      return error;
    }
  }
  try {
    const response = await fetch(panel.path);
    return response.ok ? null : response; // <DefenderError> reads the body itself
  } catch (error) {
    return error;
  }
}

function ApiPanel({ panel }: { panel: Panel }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [calls, setCalls] = useState(0);
  const load = useCallback(() => {
    let live = true;
    setError(null);
    void callApi(panel).then((result) => {
      if (!live) return;
      setError(result);
      setCalls((count) => count + 1);
    });
    return () => {
      live = false;
    };
  }, [panel]);
  useEffect(load, [load]);
  const headingId = `panel-${panel.id}`;
  return (
    <section className="panel" aria-labelledby={headingId} data-panel={panel.id} data-client={panel.client} data-calls={calls}>
      <header className="panel__header">
        <h2 id={headingId}>{t(`panel.${panel.id}`)}</h2>
        <span className="panel__client">{t('via', { client: panel.client })}</span>
        <button type="button" className="panel__reload" onClick={load}>
          {t('reload')}
        </button>
      </header>
      <p className="panel__path">
        <code>GET {panel.path}</code>
      </p>
      <DefenderError error={error} fallback={<p className="panel__loading">{t('loading')}</p>} />
    </section>
  );
}

function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const current = i18n.resolvedLanguage;
  return (
    <nav className="languages" aria-label={t('language')}>
      {APP_LANGUAGES.map((lng) => (
        <button key={lng} type="button" lang={lng} aria-pressed={current === lng} onClick={() => void i18n.changeLanguage(lng)}>
          {LANGUAGE_NAMES[lng]}
        </button>
      ))}
    </nav>
  );
}

/** The dashboard: one panel per API call, each showing its error with <DefenderError>. */
export function App() {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('title');
  });
  return (
    <>
      <header className="top">
        <div>
          <h1>{t('title')}</h1>
          <p className="top__subtitle">{t('subtitle')}</p>
        </div>
        <LanguageSwitcher />
      </header>
      <main className="panels">
        {PANELS.map((panel) => (
          <ApiPanel key={panel.id} panel={panel} />
        ))}
      </main>
    </>
  );
}
