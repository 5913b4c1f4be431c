import { defineSection } from '../define.ts';

/** The 帮助 pages (one per role) and the first-run page. */
export const help = defineSection(
  {
    'title': '使用帮助',
    'lang.zh': '中文',
  },
  {
    'title': 'Help',
    'lang.zh': '中文',
  },
);
