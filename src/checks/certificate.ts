/**
 * Certificate evidence for an HTTPS check, where the browser shows it
 * (Firefox's webRequest.getSecurityInfo; Chrome offers extensions no such API).
 * A chain whose root is not one of the browser's built-in public CAs was
 * added on this device or by its administrator: an inspecting filter's CA is
 * the usual reason, which is what lets a report name the interception.
 */

/** What the browser says about an HTTPS response's certificate chain. */
export interface CertificateEvidence {
  /** `secure`, `weak`, `broken` or `insecure`, as the browser reports the connection. */
  state: string;
  /** Issuer of the server certificate, as a distinguished name (`CN=…,O=…`). */
  issuer: string;
  /** Subject of the chain's last certificate (the trust root); null when the chain was not given. */
  root: string | null;
  /** The root is one the browser ships (false: added by the user, an administrator or a filter); null when unknown. */
  builtInRoot: boolean | null;
}

/** The parts of Firefox's `SecurityInfo` this reads; structural, so fixtures replay it in unit tests. */
export interface SecurityInfoLike {
  state: string;
  certificates?: readonly { subject: string; issuer: string; isBuiltInRoot?: boolean }[];
}

/** One getSecurityInfo answer -> the evidence kept in the report; null when it holds no certificate. */
export function certificateEvidence(info: SecurityInfoLike): CertificateEvidence | null {
  const chain = info.certificates ?? [];
  const leaf = chain[0];
  if (!leaf) return null;
  const root = chain.length > 1 ? chain[chain.length - 1]! : null;
  return {
    state: info.state,
    issuer: leaf.issuer,
    root: root?.subject ?? null,
    builtInRoot: root && typeof root.isBuiltInRoot === 'boolean' ? root.isBuiltInRoot : null,
  };
}

/** `CN=School Filter CA,O=…` -> `School Filter CA`: the name people read; the whole DN when it has no CN. */
export function commonName(dn: string): string {
  const match = /(?:^|,\s*)CN=((?:\\.|[^,\\])+)/.exec(dn);
  return match ? match[1]!.replace(/\\(.)/g, '$1').trim() : dn;
}

/** The chain ends in a root this device added, not a public CA: TLS inspection (or a private server) is in the path. */
export function interceptedBy(evidence: CertificateEvidence | null | undefined): string | null {
  return evidence && evidence.builtInRoot === false ? commonName(evidence.issuer) : null;
}
