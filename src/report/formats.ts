// The format names alone, so the CLI can offer them without loading any reporter.
export const FORMATS = ['table', 'json', 'markdown', 'junit', 'github'] as const;
export type Format = (typeof FORMATS)[number];

/** The formats of `check`'s filled-in checklists. */
export const CHECK_FORMATS = ['markdown', 'json', 'text'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

/** The formats of `checklist`: the blank checklist, or the members' page. */
export const CHECKLIST_FORMATS = ['markdown', 'html'] as const;
export type ChecklistFormat = (typeof CHECKLIST_FORMATS)[number];
