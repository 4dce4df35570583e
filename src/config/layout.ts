// Where an audit folder keeps its configuration (the folder layout of the README).
export const POLICY_FILE = 'policy/policy.yaml';
export const ALLOWLIST_DIR = 'allowlists';
/**
 * Pinned copies of shared lists, one per SHA-256. Kept beside the store's other folders
 * (store/layout.ts), but here, because loading the configuration reads them.
 */
export const SHARED_DIR = '.follow-audit/shared';
