// The format names alone, so the CLI can offer them without loading any reporter.
export const FORMATS = ['table', 'json', 'markdown', 'junit', 'github'] as const;
export type Format = (typeof FORMATS)[number];
