import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentScriptTab, isExtensionPage, matchesPattern } from '../../../src/messaging/senders.ts';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const PATTERNS = ['http://127.0.0.1/*', 'https://*.lyg.gov.cn/*'];

describe('matchesPattern (WebExtension match patterns)', () => {
  it('matches host patterns regardless of port and path', () => {
    expect(matchesPattern('http://127.0.0.1:5175/app/apply/a/basic', 'http://127.0.0.1/*')).toBe(true);
    expect(matchesPattern('https://zwfw.lyg.gov.cn/award', 'https://*.lyg.gov.cn/*')).toBe(true);
    expect(matchesPattern('https://lyg.gov.cn/', 'https://*.lyg.gov.cn/*')).toBe(true);
  });
  it('refuses look-alike hosts and other schemes', () => {
    expect(matchesPattern('https://evil-lyg.gov.cn/', 'https://*.lyg.gov.cn/*')).toBe(false);
    expect(matchesPattern('https://lyg.gov.cn.evil.com/', 'https://*.lyg.gov.cn/*')).toBe(false);
    expect(matchesPattern('http://zwfw.lyg.gov.cn/', 'https://*.lyg.gov.cn/*')).toBe(false);
    expect(matchesPattern('not a url', 'http://127.0.0.1/*')).toBe(false);
  });
  it('never matches a host outside the pattern (property)', () => {
    fc.assert(
      fc.property(fc.domain(), fc.webPath(), (host, p) => {
        fc.pre(host !== 'lyg.gov.cn' && !host.endsWith('.lyg.gov.cn'));
        return !matchesPattern(`https://${host}${p || '/'}`, 'https://*.lyg.gov.cn/*');
      }),
    );
  });
});

describe('content-script sender check', () => {
  it('accepts our extension in a portal tab and returns the tab id', () => {
    expect(contentScriptTab({ id: ID, url: 'http://127.0.0.1:5175/app/', tab: { id: 4 } }, ID, PATTERNS)).toBe(4);
  });
  it('refuses another extension, a non-portal page, and a sender without a tab', () => {
    expect(contentScriptTab({ id: 'other', url: 'http://127.0.0.1/', tab: { id: 4 } }, ID, PATTERNS)).toBeNull();
    expect(contentScriptTab({ id: ID, url: 'https://example.com/', tab: { id: 4 } }, ID, PATTERNS)).toBeNull();
    expect(contentScriptTab({ id: ID, url: 'http://127.0.0.1/' }, ID, PATTERNS)).toBeNull();
    expect(contentScriptTab({ id: ID, url: `${ORIGIN}sidepanel.html`, tab: { id: 4 } }, ID, PATTERNS)).toBeNull();
  });
});

describe('extension-page sender check', () => {
  it('accepts our pages (side panel; options and staff pages opened as tabs)', () => {
    expect(isExtensionPage({ id: ID, url: `${ORIGIN}sidepanel.html` }, ID, ORIGIN)).toBe(true);
    expect(isExtensionPage({ id: ID, url: `${ORIGIN}options.html`, tab: { id: 2, url: `${ORIGIN}options.html` } }, ID, ORIGIN)).toBe(true);
  });
  it('refuses content scripts, web pages and other extensions', () => {
    expect(isExtensionPage({ id: ID, url: 'http://127.0.0.1/app/', tab: { id: 3, url: 'http://127.0.0.1/app/' } }, ID, ORIGIN)).toBe(false);
    expect(isExtensionPage({ id: 'other', url: `chrome-extension://other/x.html` }, ID, ORIGIN)).toBe(false);
    expect(isExtensionPage({ id: ID, url: `${ORIGIN}x.html`, tab: { id: 3, url: 'https://evil.example/' } }, ID, ORIGIN)).toBe(false);
    expect(isExtensionPage({ id: ID }, ID, ORIGIN)).toBe(false);
  });
});
