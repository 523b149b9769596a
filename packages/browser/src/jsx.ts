// JSX typings of <defender-error> for React 19 TSX: `import type {} from '@defender-errors/browser/jsx';`
// once in the app (or list it in tsconfig `types`). A module of its own, so that users without
// React never need @types/react.
import type * as React from 'react';
import type { DefenderErrorElement } from './element';

/** The props of `<defender-error>` in JSX: its attributes, plus the `error` and `params` properties React 19 sets. */
export interface DefenderErrorJsxProps extends React.HTMLAttributes<DefenderErrorElement> {
  /** The error code (any string; an unknown one renders the fallback for its status). */
  code?: string | undefined;
  /** The message parameters: an object (React 19 sets the property) or its JSON text. */
  params?: string | Readonly<Record<string, string | number>> | undefined;
  /** The tracking ID. */
  target?: string | undefined;
  /** The server's own message (shown verbatim when it cannot be re-localized). */
  message?: string | undefined;
  /** The HTTP status. */
  status?: number | string | undefined;
  /** Any error object to render instead of the attributes (React 19 sets the property). */
  error?: unknown;
}

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'defender-error': React.DetailedHTMLProps<DefenderErrorJsxProps, DefenderErrorElement>;
    }
  }
}
