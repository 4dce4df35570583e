// Commands load their modules (zod, yaml, chalk, reporters) when they run, so that --version
// and --help start about as fast as bare node.
export const load = {
  audit: () => import('../audit.js'),
  obtainAll: () => import('../sources/obtain-all.js'),
  check: () => import('../commands/check.js'),
  diff: () => import('../commands/diff.js'),
  diffTable: () => import('../commands/diff-table.js'),
  draft: () => import('../commands/draft.js'),
  addAccount: () => import('../commands/add-account.js'),
  initSummary: () => import('../commands/init-summary.js'),
  fetch: () => import('../commands/fetch.js'),
  keep: () => import('../store/keep.js'),
  resolve: () => import('../commands/resolve.js'),
  checkReport: () => import('../report/check.js'),
  checklist: () => import('../commands/checklist.js'),
  import: () => import('../commands/import.js'),
  plan: () => import('../commands/plan.js'),
  planMarkdown: () => import('../report/plan-markdown.js'),
  planTable: () => import('../report/plan-table.js'),
  init: () => import('../commands/init.js'),
  schema: () => import('../commands/schema.js'),
  validate: () => import('../commands/validate.js'),
  update: () => import('../commands/update.js'),
  updateTable: () => import('../report/update-table.js'),
  validation: () => import('../report/validation.js'),
  reporters: () => import('../report/registry.js'),
  jsonReport: () => import('../report/json.js'),
  sections: () => import('../report/sections.js'),
};

/** The file -o names, for the line that says where output went; none for standard output. */
export const outputFile = (path: string | undefined) => (path && path !== '-' ? [path] : []);
