/** The draft every tab of one portal form shares. */
export function draftIdFor(adapterId: string): string {
  return `portal/${adapterId}`;
}

/** The draft a tab keeps of its own once another tab wrote the shared one (issue 15: nothing typed is lost). */
export function tabDraftIdFor(adapterId: string, tabId: number): string {
  return `${draftIdFor(adapterId)}#tab-${tabId}`;
}

/** Is this a tab's own draft (the panel then says why its entries were not saved to the shared one)? */
export function isTabDraftId(draftId: string | null | undefined): boolean {
  return typeof draftId === 'string' && /#tab-\d+$/.test(draftId) && draftId.startsWith('portal/');
}
