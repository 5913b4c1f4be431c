import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { parseCasesFile, replayCase } from '../../../src/index.ts';

const messagesOf = (events: unknown[]): string[] => {
  try {
    replayCase(events as never);
  } catch (e) {
    expect(e).toBeInstanceOf(ZodError);
    return (e as ZodError).issues.map((i) => i.message);
  }
  throw new Error('expected a ZodError');
};

describe('a malformed case event is named in Chinese and English', () => {
  it('an unknown event type names the type and the accepted ones, in both languages', () => {
    const [message] = messagesOf([{ type: 'approve', on: '2026-03-01' }]);
    const [zh, en] = message!.split(' / ');
    expect(zh).toMatch(/^未知的事件类型 “approve”，应为以下之一：apply, return, .*revoke$/);
    expect(en).toMatch(/^unknown event type "approve"; expected one of: apply, return, .*revoke$/);
  });

  it('an event without a type, or not an object at all', () => {
    expect(messagesOf([{ on: '2026-03-01' }])[0]).toContain('未知的事件类型 （缺失）');
    expect(messagesOf([{ on: '2026-03-01' }])[0]).toContain('unknown event type (missing)');
    expect(messagesOf([null])[0]).toBe('事件必须是含 “type” 和 “on” 的对象 / an event must be an object with "type" and "on"');
  });

  it('a known type with a bad field keeps its own field message', () => {
    expect(messagesOf([{ type: 'apply', on: '2026-03-01', kind: 'company' }])[0]).toBe(
      '“kind” 必须是 organization 或 individual / "kind" must be organization or individual',
    );
  });

  it('the staff cases-file import shows the two halves apart', () => {
    const r = parseCasesFile({
      format: 'lyg-award/cases@1',
      cases: [{ header: { id: 'c1', year: 2026, kind: 'organization', applicantName: '甲公司' }, events: [{ event: { type: 'bogus', on: '2026-01-01' } }] }],
    });
    expect(r.ok).toBe(false);
    const issue = !r.ok ? r.errors.find((e) => e.path === 'cases[0].events[0].event.type') : undefined;
    expect(issue?.message.zh).toMatch(/^未知的事件类型 “bogus”/);
    expect(issue?.message.en).toMatch(/^unknown event type "bogus"/);
  });
});
