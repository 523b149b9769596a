import { defineCommandGroup } from '../command';
import { addCommand } from './add-command';
import { checkCommand } from './check-command';
import { importCommand } from './import-command';

/** `defender-errors locales <check|add|import> ...`: the translators' tooling for `locales/<lng>/errors.json`. */
export const localesCommand = defineCommandGroup({
  name: 'locales',
  summary: 'Check, add and import message catalogs (locales/<lng>/errors.json)',
  subcommands: [checkCommand, addCommand, importCommand],
});
