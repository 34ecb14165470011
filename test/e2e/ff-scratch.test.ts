import { it } from 'vitest';
import { startLab, LAB, LAB_HOSTS, TURN_CREDENTIALS } from '../lab/lab';
import { firefoxExtensionCopy, launchFirefoxWithExtension, sendFromFirefoxPage } from '../../cli/launch-firefox';
import { LAB_ORIGINS } from './lab-profile';
import { writeFile } from 'node:fs/promises';

it('scratch', async () => {
  const lab = await startLab();
  const copy = await firefoxExtensionCopy([...LAB_ORIGINS, 'wss://*.lab.test/*']);
  const ff = await launchFirefoxWithExtension({ netns: lab.topology.lan, extensionDir: copy.dir, trustedCas: [lab.certs.caCert] });
  const [A] = LAB.turnAddresses;
  const web = LAB_HOSTS.web;
  try {
    const page = await ff.openPage('popup/index.html');
    const profile = { id: 'x', name: 'x', version: '1', rules: [
      { id: 'turn-closed', kind: 'turn', purpose: 'x', urls: [`turn:${web}:4444?transport=tcp`], ...TURN_CREDENTIALS },
      { id: 'turns-untrusted', kind: 'turn', purpose: 'x', urls: [`turns:${LAB_HOSTS.rogue}:443?transport=tcp`], ...TURN_CREDENTIALS },
      { id: 'turn-badcred', kind: 'turn', purpose: 'x', urls: [`turn:${A}:3478?transport=udp`], username: 'lab-user', credential: 'wrong' },
      { id: 'turn-badcred-tcp', kind: 'turn', purpose: 'x', urls: [`turn:${LAB_HOSTS.turn}:3478?transport=tcp`], username: 'lab-user', credential: 'wrong' },
      { id: 'turn-nocred', kind: 'turn', purpose: 'x', urls: [`turn:${A}:3478?transport=udp`] },
      { id: 'turn-unresolved', kind: 'turn', purpose: 'x', urls: [`turn:${LAB_HOSTS.unresolvable}:3478?transport=tcp`], ...TURN_CREDENTIALS },
      { id: 'turn-unresolved-udp', kind: 'turn', purpose: 'x', urls: [`turn:${LAB_HOSTS.unresolvable}:3478?transport=udp`], ...TURN_CREDENTIALS },
      { id: 'stun-name', kind: 'stun', purpose: 'x', urls: [`stun:${LAB_HOSTS.turn}:3478`] },
      { id: 'turn-5060', kind: 'turn', purpose: 'x', urls: [`turn:${web}:5060?transport=tcp`], ...TURN_CREDENTIALS },
      { id: 'https-closed', kind: 'https', purpose: 'x', url: `https://${web}:4444/` },
      { id: 'https-silent', kind: 'https', purpose: 'x', url: `https://${web}:9443/` },
      { id: 'https-rogue', kind: 'https', purpose: 'x', url: `https://${LAB_HOSTS.rogue}/` },
      { id: 'https-unresolved', kind: 'https', purpose: 'x', url: `https://${LAB_HOSTS.unresolvable}/` },
      { id: 'https-5060', kind: 'https', purpose: 'x', url: `https://${web}:5060/` },
      { id: 'wss-noupgrade', kind: 'wss', purpose: 'x', url: `wss://${web}:8443/hub` },
      { id: 'wss-rogue', kind: 'wss', purpose: 'x', url: `wss://${LAB_HOSTS.rogue}/hub` },
    ] };
    const reply: any = await sendFromFirefoxPage(page, { type: 'run', profile, options: { deadlineMs: 3000 } });
    await writeFile('/tmp/ffx/errors.json', JSON.stringify(reply, null, 2));
    // Raw webRequest errors from the background page.
  } finally {
    await ff.close();
    await copy.remove();
    await lab.stop();
  }
}, 120_000);
