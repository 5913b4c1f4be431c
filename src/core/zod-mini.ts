/**
 * The project's zod: `zod/mini` (issue 19: a fraction of full zod's size in every page), with zod's English
 * messages configured as full zod does on import, so every refusal reads exactly as before the move.
 * Import `z` from here, not from 'zod/mini'.
 */
import { config } from 'zod/mini';
import { en } from 'zod/locales';

config(en());

export { z } from 'zod/mini';
