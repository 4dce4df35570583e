// Where an audit folder keeps its configuration (the folder layout of the README).
export const POLICY_FILE = 'policy/policy.yaml';
export const ALLOWLIST_DIR = 'allowlists';
