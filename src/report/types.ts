import type { Report } from '../core/report.js';

export interface RenderOptions {
  color: boolean;
  /** Terminal width for the table format. */
  width: number;
  /** Whether the table may write OSC 8 hyperlinks (a terminal that shows them); else plain URLs. */
  links?: boolean;
}

/** A pure function from the report to text. Where the text goes is the CLI's business. */
export type Reporter = (report: Report, options: RenderOptions) => string;
