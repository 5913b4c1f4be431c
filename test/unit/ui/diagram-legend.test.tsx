import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { replayCase } from '../../../src/cases/replay.ts';
import { lang } from '../../../src/ui/lang.ts';
import { LifecycleDiagram } from '../../../src/ui/staff/LifecycleDiagram.tsx';
import { happyPath, makeEvent } from '../cases/fixtures.ts';

afterEach(() => {
  cleanup();
  lang.value = 'zh';
});

const legendText = (root: Element) => root.querySelector('[data-testid="diagram-legend"]')?.textContent ?? '';
const drawnUbiq = (root: Element) => root.querySelectorAll('[data-testid="lifecycle-diagram"] svg[role="img"] .edge.ubiq').length;

/** The diagram's legend names only what is drawn, in the words people write (issue 14). */
describe('the lifecycle diagram legend', () => {
  it('the year overview (no case) has no current stage, so the legend shows none', () => {
    const { container } = render(<LifecycleDiagram view={null} />);
    expect(container.querySelector('svg[role="img"] .node.current')).toBeNull();
    expect(legendText(container)).not.toContain('当前阶段');
  });

  it('a case in review: current stage in the legend; the withdrawal line only when one is drawn', () => {
    const view = replayCase(happyPath('organization', 'award', '2025-03-02').slice(0, 3));
    const { container } = render(<LifecycleDiagram view={view} pane />);
    expect(container.querySelector('svg[role="img"] .node.current')).not.toBeNull();
    expect(legendText(container)).toContain('当前阶段');
    expect(drawnUbiq(container)).toBe(0);
    expect(container.querySelector('[data-testid="diagram-legend"] .edge.ubiq')).toBeNull();
  });

  it('a withdrawn case draws its withdrawal as its path; the faint lines and their legend come with 显示所有', () => {
    const events = [...happyPath('organization', 'award', '2025-03-02').slice(0, 3), makeEvent('withdraw', '2025-04-01')];
    const { container } = render(<LifecycleDiagram view={replayCase(events)} pane />);
    expect(container.querySelectorAll('svg[role="img"] .edge.ubiq.taken').length).toBe(1);
    expect(drawnUbiq(container)).toBe(1);
    expect(container.querySelector('[data-testid="diagram-legend"] .edge.taken')).not.toBeNull();
    expect(container.querySelector('[data-testid="diagram-legend"] .edge.ubiq')).toBeNull();
    fireEvent.click(container.querySelector('.diagram-tools input[type="checkbox"]')!);
    expect(drawnUbiq(container)).toBeGreaterThan(1);
    expect(container.querySelector('[data-testid="diagram-legend"] .edge.ubiq')).not.toBeNull();
    expect(legendText(container)).toContain('撤回');
  });

  it('in English the diagram is named in plain words, with the stage’s English title (no machine id)', () => {
    lang.value = 'en';
    const view = replayCase(happyPath('organization', 'award', '2025-03-02').slice(0, 3));
    const { container } = render(<LifecycleDiagram view={view} pane />);
    const label = container.querySelector('svg[role="img"]')?.getAttribute('aria-label') ?? '';
    expect(label).not.toMatch(/statechart|[a-z]+-[a-z]+/);
    expect(label).toMatch(/current stage: [A-Z]/);
  });
});
