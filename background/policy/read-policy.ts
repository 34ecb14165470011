import { NO_POLICY, type PolicyOverlay } from '../../src/settings/types';

/**
 * The managed policy, validated. Issue 8 replaces this body with the real
 * reading of `storage.managed` (defensive, cached, re-read on change); until
 * then no install is managed.
 */
export async function readPolicy(): Promise<PolicyOverlay> {
  return NO_POLICY;
}
