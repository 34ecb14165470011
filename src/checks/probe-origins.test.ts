import { describe, expect, it } from 'vitest';
import { validateProfile } from '../profile/validate';
import { builtinProfile } from '../profile/builtin';
import manifest from '../../manifest.json';
import { probeOrigins } from './probe-origins';

describe('probeOrigins', () => {
  it('asks for the web hosts a profile probes, never for STUN/TURN, once each, without ports', () => {
    const { profile } = validateProfile({
      id: 'p',
      name: 'P',
      version: '1',
      rules: [
        { id: 'app', kind: 'https', purpose: 'App', url: 'https://app.example.org:8443/login' },
        { id: 'api', kind: 'https', purpose: 'API', url: 'https://app.example.org/api' },
        { id: 'ws', kind: 'wss', purpose: 'Signalling', url: 'wss://signal.example.org/hub' },
        { id: 'turn', kind: 'turn', purpose: 'Relay', urls: ['turn:turn.example.org:3478'] },
      ],
    });
    expect(probeOrigins(profile!)).toEqual(['https://app.example.org/*', 'https://signal.example.org/*', 'wss://signal.example.org/*']);
  });

  it('needs nothing beyond the install-time grant for the built-in profiles', () => {
    const granted = new Set(manifest.host_permissions);
    for (const id of ['senso', 'remotespark', 'onsight']) {
      const { profile } = builtinProfile(id)!;
      for (const origin of probeOrigins(profile!)) {
        if (origin.startsWith('https://')) expect(granted.has(origin), `${id}: ${origin}`).toBe(true);
      }
    }
  });
});
