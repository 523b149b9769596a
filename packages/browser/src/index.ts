export {
  COPIED_STATE_MS,
  ERROR_CLASS_NAMES,
  ERROR_PARTS,
  buildErrorTree,
  buildErrorView,
  copyButtonState,
  copyText,
  errorViewTree,
  renderError,
  type BuildErrorViewOptions,
  type CopyLabels,
  type ErrorPiece,
  type ErrorViewFactory,
  type ErrorViewNode,
  type ErrorViewProps,
  type ErrorViewTag,
  type FieldKind,
  type RenderErrorOptions,
} from './render';
export { DEFAULT_LOCALE, detectLocale } from './locale';
export {
  ERROR_ELEMENT_ATTRIBUTES,
  ERROR_ELEMENT_CSS,
  defineErrorElement,
  type DefenderErrorElement,
  type DefineErrorElementOptions,
} from './element';
export {
  LOCALE_LOADERS,
  loadLocale,
  onLocaleLoaded,
  resolveLoadableLocale,
  type LoadLocaleOptions,
  type LocaleLoader,
  type LocaleModule,
} from './load';
export type { BrowserErrorTranslator } from './translator';
export type { ErrorDescription, ErrorLabels } from '@defender-errors/i18n/lite';
