import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The portal origins the extension may run on. Only the demo portal is granted at install time
// (for local development and tests); real portal origins are optional and asked for at run time
// from the options page (least privilege: never <all_urls>).
export const DEMO_PORTAL_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '质量奖申报助手 Award Pilot',
    description:
      '连云港市市长质量奖申报助手：资格预检、材料清单、GB/T 19580 自评、进度与评审工作台。Lianyungang Mayor Quality Award assistant.',
    default_locale: undefined,
    permissions: ['storage'],
    optional_host_permissions: ['https://*/*'],
    host_permissions: DEMO_PORTAL_MATCHES,
    action: { default_title: '质量奖申报助手 Award Pilot' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'award-pilot@lyg-quality.invalid',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
