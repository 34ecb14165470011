import type { Profile } from '../profile/types';

/** A profile fit to show on a page: TURN usernames and credentials stay in the service worker. */
export function stripCredentials(profile: Profile): Profile {
  return {
    ...profile,
    rules: profile.rules.map((rule) => {
      if (rule.kind !== 'stun' && rule.kind !== 'turn') return rule;
      const { username: _username, credential: _credential, ...rest } = rule;
      return rest;
    }),
  };
}
