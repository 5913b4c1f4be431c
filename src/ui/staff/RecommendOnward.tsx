import { useSignal } from '@preact/signals';
import type { Bilingual } from '../../core/i18n.ts';
import type { CaseView } from '../../cases/replay.ts';
import type { AwardPack } from '../../policy/schema.ts';
import { measuresLabel } from '../../awards/index.ts';
import { recommendOnward, recommendationLinks, recommendationTarget } from '../../staff/recommend-onward.ts';
import { createCase, type CaseRecord } from '../../storage/index.ts';
import { Bi, t } from './Bi.tsx';
import { headersById, selectedId, toast, today, type LoadedCase } from './store.ts';
import { addCases } from './store-load.ts';

// loaded together with the case page's after-award section (CaseView.tsx)
export { AfterAward } from './AfterAward.tsx';

const Go = ({ c }: { c: CaseRecord }) => (
  <button type="button" class="link" onClick={() => (selectedId.value = c.id)}>
    {c.id}（{c.year} · <Bi text={measuresLabel(c.award)} />）
  </button>
);

/**
 * 第十二条 on the staff page: where an awarded case is recommended on (the award's `recommendsTo`), the
 * action that starts that case, and the link both ways.
 */
export function RecommendOnward({ c, view, own }: { c: LoadedCase; view: CaseView | null; own: AwardPack }) {
  const problem = useSignal<Bilingual | null>(null);
  const busy = useSignal(false);
  // the stored headers themselves (headersById narrows their type for the list)
  const headers = headersById.value as unknown as ReadonlyMap<string, CaseRecord>;
  const { from, to } = recommendationLinks(c.header, headers);
  const target = view?.stage === 'awarded' && view.tier ? recommendationTarget(own, view.tier) : null;
  if (!from && !to.length && !target) return null;
  const start = async () => {
    problem.value = null;
    const r = recommendOnward({ header: c.header, view, pack: own, cases: headers.values(), today: today.value });
    if (!r.ok) return void (problem.value = r.reason);
    busy.value = true;
    try {
      const record = await createCase(r.header);
      addCases([{ header: record, events: [] }]);
      toast.value = { kind: 'ok', text: r.message };
    } catch (err) {
      problem.value = (err as { userMessage?: Bilingual }).userMessage ?? t(`未能新建，未做任何修改：${String(err)}`, `Not created; nothing changed: ${String(err)}`);
    } finally {
      busy.value = false;
    }
  };
  return (
    <section data-testid="recommend-onward">
      {from && (
        <p>
          <Bi text={t(`推荐自（${c.header.recommendedFrom!.article}）：`, `Recommended from (${c.header.recommendedFrom!.article}): `)} />
          <Go c={from} />
        </p>
      )}
      {to.map((x) => (
        <p key={x.id}>
          <Bi text={t(`已推荐（${x.recommendedFrom!.article}）：`, `Recommended on (${x.recommendedFrom!.article}): `)} />
          <Go c={x} />
        </p>
      ))}
      {target && !to.length && (
        <button type="button" disabled={busy.value} onClick={start} data-testid="recommend-onward-start">
          <Bi text={t(`推荐申报${target.name.zh}（${target.article.zh}）`, `Recommend for the ${target.name.en} (${target.article.en})`)} />
        </button>
      )}
      {problem.value && (
        <p class="error" role="alert">
          <Bi text={problem.value} />
        </p>
      )}
    </section>
  );
}
