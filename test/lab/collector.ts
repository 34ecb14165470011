import { resolve } from 'node:path';
import { inNetns, startDaemon, waitFor, type Daemon } from './exec';
import { LAB, type Lab } from './lab';

/** Where the lab's collector listens: the web server's address (its certificate names it), OTLP/HTTP's usual port. */
export const RECEIVER = { host: LAB.webAddress, port: 4318 } as const;
export const RECEIVER_URL = `https://${RECEIVER.host}:${RECEIVER.port}/v1/logs`;

export interface ReceiverOptions {
  /** What it appends each accepted request to (OTLP/JSON, one request per line). */
  out: string;
  /** What it appends each refused request's reason to. */
  rejectedOut: string;
  /** What it appends, for each accepted request, its Content-Encoding and its size on the wire and unpacked. */
  acceptedOut?: string;
  allowedOrigins: string[];
  allowedHeaders?: string[];
  token?: string;
  /** Answer every POST with this status (and Location), as a faulty collector or a proxy in front of it would. */
  answer?: { status: number; location?: string };
  /** Keep each accepted record at once but answer this many ms later. */
  answerDelayMs?: number;
}

/** Starts test/lab/otlp-receiver.mjs in the lab's server namespace and waits until it listens. */
export async function startReceiver(lab: Lab, options: ReceiverOptions): Promise<Daemon> {
  const config = { ...RECEIVER, cert: lab.certs.serverCert, key: lab.certs.serverKey, ...options };
  const daemon = startDaemon('otlp-receiver', lab.topology.srv, process.execPath, [resolve(import.meta.dirname, 'otlp-receiver.mjs'), JSON.stringify(config)]);
  await waitFor('the OTLP receiver', async () => (await inNetns(lab.topology.srv, 'ss', ['-Hlnt'])).includes(`${RECEIVER.host}:${RECEIVER.port}`)).catch(
    async (err: Error) => {
      await daemon.stop();
      throw new Error(`${err.message}\nreceiver said:\n${daemon.output()}`);
    },
  );
  return daemon;
}
