// Kept apart, with no imports, so that `init --help` can show its defaults without loading YAML.

/**
 * What `init` writes for a volunteer to replace; `validate` warns about each left in place. None
 * is a value of the shipped sample (Example City DSA), which must validate without a warning.
 */
export const PLACEHOLDERS = {
  organization: 'Your Organization',
  contact: 'comms@your-organization.example',
  handles: ['yourchapter', 'yourchapter.bsky.social', 'YourLaborCircle'],
  entries: ['Example Neighbor Chapter', 'Example Partner Union', 'Example Candidate'],
  exceptionTarget: 'instagram:somereporter',
};
