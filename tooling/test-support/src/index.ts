export { propertySeed } from './seed';
export { guardGlobals, settleGlobals, POISONING_OPTIONS, type GlobalsGuard } from './globals';
export { INJECTIONS, unsafeTerminalCharacters } from './hostile-text';
export { HOSTILE_VALUE_FACTORIES } from './hostile-values';
