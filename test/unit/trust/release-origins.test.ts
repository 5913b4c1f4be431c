// Issue 15 item 4: an adapter matches on origin (scheme, host, port) and path, never on path alone.
import { describe, expect, it } from 'vitest';
import { demoPortalAdapter, matchPortalPage } from '../../../src/index.ts';
import { portalAdapterSchema } from '../../../src/portal/adapter-schema.ts';
import demoJson from '../../../src/portal/adapters/demo-portal.json';
import { upgradeBackupData } from '../../../src/storage/migrations.ts';

const withPages = (pages: unknown) => ({ ...structuredClone(demoJson), pages });

describe('adapters match on origin and path (issue 15 item 4)', () => {
  it('the demo adapter matches the local demo portal on any port, and the same path elsewhere not at all', () => {
    expect(matchPortalPage('http://127.0.0.1:5175/app/my-applications', demoPortalAdapter)).toBe('application-status');
    expect(matchPortalPage('http://localhost:9999/app/apply/a/basic', demoPortalAdapter)).toBe('application-form');
    expect(matchPortalPage('https://status.example.com/app/my-applications', demoPortalAdapter)).toBe('unknown');
    expect(matchPortalPage('https://127.0.0.1:5175/app/my-applications', demoPortalAdapter)).toBe('unknown');
    expect(matchPortalPage('http://127.0.0.1.evil.example/app/my-applications', demoPortalAdapter)).toBe('unknown');
  });

  it('scheme, host and port all count', () => {
    const adapter = portalAdapterSchema.parse(withPages({
      'application-form': [{ origin: 'https://*.jszwfw.gov.cn', path: '/apply/*' }],
      'application-status': [], 'recommender-review': [],
    }));
    expect(matchPortalPage('https://lyg.jszwfw.gov.cn/apply/1', adapter)).toBe('application-form');
    expect(matchPortalPage('http://lyg.jszwfw.gov.cn/apply/1', adapter)).toBe('unknown');
    expect(matchPortalPage('https://lyg.jszwfw.gov.cn:8443/apply/1', adapter)).toBe('unknown');
    expect(matchPortalPage('https://jszwfw.gov.cn.evil.example/apply/1', adapter)).toBe('unknown');
  });

  it('a page pattern without an origin is refused, in Chinese, naming where', () => {
    const r = portalAdapterSchema.safeParse(withPages({ 'application-form': [{ path: '/apply/*' }], 'application-status': [], 'recommender-review': [] }));
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toContain('网站来源');
  });

  it('an old saved adapter (path only) is brought forward to the real portal origins, never to local ones', () => {
    const legacy = withPages({ 'application-form': [{ path: '/apply/*' }], 'application-status': [{ host: 'a.lyg.gov.cn', path: '/s' }], 'recommender-review': [] });
    const up = upgradeBackupData({ adapters: [{ id: 'x', adapter: legacy }] }, 2);
    const pages = (up.adapters![0] as { adapter: { pages: Record<string, Array<{ origin: string }>> } }).adapter.pages;
    expect(pages['application-form']!.map((p) => p.origin)).toEqual(['https://*.jszwfw.gov.cn', 'https://*.lyg.gov.cn']);
    expect(pages['application-status']![0]!.origin).toBe('https://a.lyg.gov.cn');
    expect(portalAdapterSchema.safeParse((up.adapters![0] as { adapter: unknown }).adapter).success).toBe(true);
  });
});
