import type { CompiledCatalog } from './compiled-catalog';
import { NO_VALUES } from './compiled-entry';
import type { ErrorLabels } from './types';

/** The translator's `labels`: the localized words adapters put around a description. */
export function createLabels(catalog: CompiledCatalog, resolveLanguage: (lng?: unknown) => string): (lng?: string) => ErrorLabels {
  return (lng?: string): ErrorLabels => {
    const resolved = resolveLanguage(lng);
    const label = (name: string) => catalog.render(resolved, `label.${name}`, NO_VALUES, 'BadRequest') ?? name;
    return {
      code: label('code'),
      status: label('status'),
      trackingId: label('trackingId'),
      hint: label('hint'),
      serverMessage: label('serverMessage'),
      copy: label('copy'),
      copied: label('copied'),
      noTrackingId: label('noTrackingId'),
      retryAfter: (seconds: number) => catalog.renderPlural(resolved, 'label.retryAfter', seconds, 'TooManyRequests') ?? String(seconds),
    };
  };
}
