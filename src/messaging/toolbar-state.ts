import { browser } from 'wxt/browser';
import type { PrecheckView } from './panel-protocol.ts';
import { iconSet, type IconState } from './toolbar-icons.ts';

/** What the toolbar icon shows for one tab: the icon's state, the badge and the tooltip. */
export interface ToolbarView {
  state: IconState;
  badgeText: string;
  badgeColor: string;
  title: string;
}

const NAME = '质量奖申报助手 Award Pilot';
const RED = '#D93025';
const AMBER = '#B06000';
const GREEN = '#188038';

/**
 * The page's pre-check verdict (第八条/第九条) → the toolbar: neutral with no badge when the tab has
 * no application on it; eligible (green, ✓); attention (red when a clause fails, amber when only
 * evidence is missing) with the number of clauses to look at.
 */
export function toolbarFor(precheck: PrecheckView | null): ToolbarView {
  if (!precheck) return { state: 'neutral', badgeText: '', badgeColor: GREEN, title: NAME };
  const failing = precheck.findings.filter((f) => f.status === 'fail').length;
  const missing = precheck.findings.filter((f) => f.status === 'needs-evidence').length;
  if (precheck.verdict === 'eligible' && failing === 0 && missing === 0)
    return { state: 'eligible', badgeText: '✓', badgeColor: GREEN, title: `${NAME}\n资格预检：符合申报条件 Pre-check: eligible` };
  const count = failing + missing;
  const lines = [failing ? `${failing} 项不符合 ${failing} failing` : '', missing ? `${missing} 项待补充 ${missing} need evidence` : ''].filter(Boolean);
  return {
    state: 'attention',
    badgeText: count > 0 ? String(Math.min(count, 99)) : '!',
    badgeColor: failing > 0 ? RED : AMBER,
    title: `${NAME}\n资格预检 Pre-check: ${lines.join('，') || '请查看侧边栏 see the side panel'}`,
  };
}

interface ActionApi {
  setIcon(d: { tabId: number; path: Record<string, string> }): Promise<void>;
  setBadgeText(d: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(d: { tabId: number; color: string }): Promise<void>;
  setBadgeTextColor?(d: { tabId: number; color: string }): Promise<void>;
  setTitle(d: { tabId: number; title: string }): Promise<void>;
}

/** Chrome MV3 has `action`, Firefox MV2 `browserAction`. */
function actionApi(): ActionApi | undefined {
  const b = browser as unknown as { action?: ActionApi; browserAction?: ActionApi };
  return b.action ?? b.browserAction;
}

/** Sets one tab's icon, badge and tooltip (a tab that closed meanwhile is ignored). */
export async function showToolbarState(tabId: number, precheck: PrecheckView | null, api: ActionApi | undefined = actionApi()): Promise<void> {
  if (!api) return;
  const view = toolbarFor(precheck);
  const path = Object.fromEntries(Object.entries(iconSet(view.state)).map(([size, file]) => [size, `/${file}`]));
  await Promise.all([
    api.setIcon({ tabId, path }),
    api.setBadgeText({ tabId, text: view.badgeText }),
    api.setBadgeBackgroundColor({ tabId, color: view.badgeColor }),
    api.setBadgeTextColor?.({ tabId, color: '#FFFFFF' }),
    api.setTitle({ tabId, title: view.title }),
  ]).catch(() => undefined);
}
