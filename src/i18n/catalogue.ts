/**
 * The app's one message catalogue (issue 13). The manifest and store texts live in public/_locales;
 * everything the UI says of its own is here, by section. Findings and other domain texts carry their
 * own {zh, en} pairs and are shown through the same language setting (src/ui/lang.ts).
 */
import type { Section } from './define.ts';
import { errors } from './messages/errors.ts';
import { help } from './messages/help.ts';
import { options } from './messages/options.ts';
import { overlay } from './messages/overlay.ts';
import { panel } from './messages/panel.ts';
import { sharing } from './messages/sharing.ts';

export const catalogue = { overlay, panel, options, errors, help, sharing } satisfies Record<string, Section<string>>;
export type SectionName = keyof typeof catalogue;
/** English entries that are rightly not English: the names of languages in their own script */
export const NOT_TRANSLATED = new Set(['options:lang.zh', 'options:lang.both', 'help:lang.zh']);
