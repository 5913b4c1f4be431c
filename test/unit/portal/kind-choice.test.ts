// Issue 11, no dead ends: when the page shows no 申报类型 and the organisation's and 所负责组织's fields
// share their labels, the person's choice in the panel is sent to the page, which then binds that kind's
// own fields. The page's own answer, when it has one, still wins.
import { afterEach, describe, expect, it } from 'vitest';
import demo from '../../../src/portal/adapters/demo-portal.json';
import { startAssistant, type Assistant, type AssistantAdapter } from '../../../src/portal/dom/assistant.ts';
import { backgroundToContentSchema, type ContentToBackground } from '../../../src/messaging/protocol.ts';
import { renderStep } from './portal-markup.ts';

let running: Assistant | null = null;
afterEach(() => { running?.stop(); running = null; });

type Snapshot = Extract<ContentToBackground, { type: 'portal/snapshot' }>;
const lastSnapshot = (sent: ContentToBackground[]) => [...sent].reverse().find((m) => m.type === 'portal/snapshot') as Snapshot | undefined;
const found = (sent: ContentToBackground[], key: string) => lastSnapshot(sent)?.fields.find((f) => f.key === key)?.found ?? false;
const tick = () => new Promise((r) => setTimeout(r, 30));

/** Only the accidents table is left: both kinds' fields claim it, so with no kind neither binds. */
function pageWithSharedLabelOnly() {
  renderStep('a', 'compliance', { kind: '组织' });
  for (const item of [...document.querySelectorAll('.el-form-item')]) {
    if (!item.textContent?.includes('近三年事故情况')) item.remove();
  }
}

describe('the applicant kind chosen in the panel reaches the page (issue 11)', () => {
  it('kind/choose is a message the content script accepts, with a kind or null', () => {
    for (const kind of ['organization', 'individual', null]) expect(backgroundToContentSchema.safeParse({ type: 'kind/choose', kind }).success).toBe(true);
    expect(backgroundToContentSchema.safeParse({ type: 'kind/choose', kind: 'company' }).success).toBe(false);
  });

  it('with no 申报类型 on the page, the chosen kind binds its own field; undoing the choice unbinds it', async () => {
    pageWithSharedLabelOnly();
    history.replaceState(null, '', '/app/apply/a/compliance');
    const sent: ContentToBackground[] = [];
    running = startAssistant({ doc: document, adapters: [demo as unknown as AssistantAdapter], send: (m) => sent.push(m), debounceMs: 5, missDelayMs: 5 });
    await tick();
    expect(found(sent, 'applicant.accidents')).toBe(false);
    expect(found(sent, 'applicant.headsOrganization.accidents')).toBe(false);

    expect(running.handle({ type: 'kind/choose', kind: 'organization' })).toEqual({ ok: true });
    await tick();
    expect(found(sent, 'applicant.accidents')).toBe(true);

    running.handle({ type: 'kind/choose', kind: 'individual' });
    await tick();
    expect(found(sent, 'applicant.headsOrganization.accidents')).toBe(true);
    expect(found(sent, 'applicant.accidents')).toBe(false);

    running.handle({ type: 'kind/choose', kind: null });
    await tick();
    expect(found(sent, 'applicant.accidents')).toBe(false);
    expect(found(sent, 'applicant.headsOrganization.accidents')).toBe(false);
  });

  it('the page’s own 申报类型 wins over the choice', async () => {
    renderStep('a', 'basic', { kind: '组织' });
    history.replaceState(null, '', '/app/apply/a/basic');
    const sent: ContentToBackground[] = [];
    running = startAssistant({ doc: document, adapters: [demo as unknown as AssistantAdapter], send: (m) => sent.push(m), debounceMs: 5, missDelayMs: 5 });
    running.handle({ type: 'kind/choose', kind: 'individual' });
    await tick();
    expect(found(sent, 'applicant.creditCode')).toBe(true);
    expect(found(sent, 'applicant.qualityWorkInLianyungangSince')).toBe(false);
  });
});
