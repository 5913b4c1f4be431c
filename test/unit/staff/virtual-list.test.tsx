import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/preact';
import { VirtualList } from '../../../src/ui/staff/VirtualList.tsx';

describe('VirtualList', () => {
  it('renders only the rows in view out of 10,000, and the spacer keeps the full height', () => {
    const items = Array.from({ length: 10_000 }, (_, i) => `case ${i}`);
    const { container } = render(<VirtualList items={items} rowHeight={40} label="cases" renderRow={(s) => <span class="r">{s}</span>} />);
    const rows = container.querySelectorAll('.r');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(40);
    expect(rows[0]!.textContent).toBe('case 0');
    expect((container.querySelector('.vspacer') as HTMLElement).style.height).toBe('400000px');
  });
});
