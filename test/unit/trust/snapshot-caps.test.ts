// Issue 15, item 1: one long field must not switch the product off. The content script caps each
// value and marks it truncated; the background never refuses a whole snapshot for one field.
import { afterEach, describe, expect, it } from 'vitest';
import demo from '../../../src/portal/adapters/demo-portal.json';
import { startAssistant, type Assistant, type AssistantAdapter } from '../../../src/portal/dom/assistant.ts';
import { contentToBackgroundSchema, type ContentToBackground } from '../../../src/messaging/protocol.ts';
import { FIELD_VALUE_MAX } from '../../../src/portal/dom/read.ts';
import { renderStep } from '../portal/portal-markup.ts';

let running: Assistant | null = null;
afterEach(() => { running?.stop(); running = null; });

function start(path: string) {
  history.replaceState(null, '', path);
  const sent: ContentToBackground[] = [];
  running = startAssistant({ doc: document, adapters: [demo as unknown as AssistantAdapter], send: (m) => sent.push(m), debounceMs: 5, missDelayMs: 5 });
  return { a: running, sent };
}
type Snapshot = Extract<ContentToBackground, { type: 'portal/snapshot' }>;
const lastSnapshot = (sent: ContentToBackground[]) => [...sent].reverse().find((m) => m.type === 'portal/snapshot') as Snapshot | undefined;
const inputOf = (label: string) => [...document.querySelectorAll('input')].find((i) => i.closest('.el-form-item')?.querySelector('label')?.textContent === label)!;

describe('snapshot caps (issue 15 item 1)', () => {
  it('the cap is the protocol limit: 20,000 characters', () => {
    expect(FIELD_VALUE_MAX).toBe(20_000);
  });

  it('20,001 characters in 单位名称: the value is cut to the cap, marked truncated, and the snapshot is still accepted whole', () => {
    renderStep('a', 'basic', { orgName: '甲'.repeat(20_001), creditCode: '91320706MA1Q8K2L3J' });
    const { sent } = start('/app/apply/a/basic');
    const snap = lastSnapshot(sent)!;
    const name = snap.fields.find((f) => f.key === 'applicant.name')!;
    expect(name).toMatchObject({ found: true, truncated: true });
    expect((name.value as string).length).toBe(20_000);
    expect(snap.fields.find((f) => f.key === 'applicant.creditCode')).toMatchObject({ value: '91320706MA1Q8K2L3J' });
    expect(snap.fields.find((f) => f.key === 'applicant.creditCode')!.truncated).toBeUndefined();
    expect(contentToBackgroundSchema.safeParse(snap).success).toBe(true);
  });

  it('typing past the cap is capped at once too (the input handler reads before the scan)', async () => {
    renderStep('a', 'basic');
    const { sent } = start('/app/apply/a/basic');
    const input = inputOf('单位名称');
    input.value = 'x'.repeat(50_000);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 40));
    const snap = lastSnapshot(sent)!;
    expect(contentToBackgroundSchema.safeParse(snap).success).toBe(true);
    expect(snap.fields.find((f) => f.key === 'applicant.name')).toMatchObject({ truncated: true });
  });

  it('three 1 MB fields: the message stays small (no megabytes to copy, stringify or validate on either side)', () => {
    renderStep('a', 'basic', { orgName: 'a'.repeat(1 << 20), creditCode: 'b'.repeat(1 << 20), address: 'c'.repeat(1 << 20) });
    const { sent } = start('/app/apply/a/basic');
    const snap = lastSnapshot(sent)!;
    expect(JSON.stringify(snap).length).toBeLessThan(3 * 20_000 + 20_000);
    expect(contentToBackgroundSchema.safeParse(snap).success).toBe(true);
  });

  it('a table reading that would exceed the cap keeps whole rows (still valid JSON) and is marked truncated', async () => {
    const { capReading } = await import('../../../src/portal/dom/read.ts');
    const rows = Array.from({ length: 200 }, (_, i) => ({ name: `第${i}行` + '长'.repeat(300) }));
    const capped = capReading(JSON.stringify(rows), true);
    expect(capped.truncated).toBe(true);
    expect((capped.value as string).length).toBeLessThanOrEqual(20_000);
    const parsed = JSON.parse(capped.value as string) as unknown[];
    expect(parsed.length).toBeGreaterThan(0);
    expect(parsed).toEqual(rows.slice(0, parsed.length));
    expect(capReading('短', false)).toEqual({ value: '短' });
    expect(capReading(true, false)).toEqual({ value: true });
  });
});

describe('a truncated reading in the pre-check (issue 15 item 1)', () => {
  it('is named on its field as cut short, and the verdict cannot be 符合', async () => {
    const { runPrecheck } = await import('../../../src/messaging/precheck.ts');
    const { core, eligibleOrganization } = await import('../shell/fixtures.ts');
    const fields = eligibleOrganization().map((f) => (f.key === 'applicant.name' ? { ...f, value: '甲'.repeat(20_000), truncated: true as const } : f));
    const { precheck, hints } = runPrecheck(core, fields, 'demo-portal');
    expect(precheck?.verdict).not.toBe('eligible');
    const error = precheck?.inputErrors.find((e) => e.path === 'applicant.name');
    expect(error?.message.zh).toContain('20000');
    expect(hints).toContainEqual(expect.objectContaining({ field: 'applicant.name', rule: 'input' }));
  });
});
