// Writes demo-portal.content.json (the content script's compact copy of demo-portal.json).
// Run after editing demo-portal.json: `npx tsx src/portal/adapters/write-content-adapter.ts`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentAdapter } from './content-adapter.ts';

const dir = path.dirname(fileURLToPath(import.meta.url));
const full = JSON.parse(fs.readFileSync(path.join(dir, 'demo-portal.json'), 'utf8'));
fs.writeFileSync(path.join(dir, 'demo-portal.content.json'), `${JSON.stringify(contentAdapter(full), null, 1)}\n`);
