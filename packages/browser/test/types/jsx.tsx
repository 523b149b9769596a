// Compiled by `tsc -p tsconfig.json` (the typecheck task) and by test/jsx-types.test.ts: the JSX
// typings that @defender-errors/browser/jsx ships for React 19 TSX.
import type {} from '@defender-errors/browser/jsx';

export const attributes = <defender-error code="InvalidUrl" params={{ url: 'http://example.test/a' }} target="43f4cb08" lang="da-DK" />;
export const asJson = <defender-error code="InvalidHashValue" params='{"hash":"abc"}' status={400} message="Hash value abc is invalid." />;
export const errorProperty = <defender-error error={new Error('anything')} className="alert" />;

// @ts-expect-error a code is a string
export const wrongCode = <defender-error code={42} />;
// @ts-expect-error params values are strings or numbers
export const wrongParams = <defender-error params={{ url: { nested: true } }} />;
