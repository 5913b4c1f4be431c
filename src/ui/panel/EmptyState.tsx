import { browser } from 'wxt/browser';
import { Bi } from './text.tsx';

/** Shown when the panel's tab is not a portal page the extension may read. */
export function EmptyState() {
  return (
    <div class="empty" data-testid="empty-state">
      <div class="empty-mark" aria-hidden="true">
        质
      </div>
      <h2>
        <Bi text={{ zh: '当前页面不是申报系统', en: 'This page is not the award portal' }} />
      </h2>
      <ol class="empty-steps">
        <li>
          <Bi text={{ zh: '在本窗口打开政务服务网的《市长质量奖申报表》页面，预检会自动开始。', en: 'Open the portal’s application form in this window; the pre-check starts by itself.' }} />
        </li>
        <li>
          <Bi
            text={{
              zh: '如果申报系统的网址不是本机演示地址，请在“设置 → 申报系统网址”中授权该网址（只授权这一个网站）。',
              en: 'If the portal is not the local demo, grant its address under Options → Portal addresses (that one site only).',
            }}
          />
        </li>
      </ol>
      <button type="button" class="btn" onClick={() => void browser.runtime.openOptionsPage()}>
        打开设置 <span class="en">Options</span>
      </button>
    </div>
  );
}
