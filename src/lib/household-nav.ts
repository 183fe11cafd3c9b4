/** The sections of a household's pages, in the order shown in its navigation. */
export const householdSections: readonly { path: string; label: string }[] = [{ path: '', label: "Vue d'ensemble" }];
