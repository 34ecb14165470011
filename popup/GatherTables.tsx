import type { GatheredCandidate, IceCandidateError } from '../src/ice/types';

export function CandidateTable({ candidates }: { candidates: GatheredCandidate[] }) {
  if (candidates.length === 0) return <p class="muted">No candidates were gathered.</p>;
  return (
    <table data-testid="candidates">
      <caption class="muted">Candidates ({candidates.length})</caption>
      <thead>
        <tr><th>Type</th><th>Protocol</th><th>Address</th><th>Related</th><th>Server</th></tr>
      </thead>
      <tbody>
        {candidates.map((c) => (
          <tr key={c.candidate} data-type={c.type}>
            <td>{c.type}{c.relayProtocol ? ` (${c.relayProtocol})` : ''}</td>
            <td>{c.protocol}</td>
            <td>{c.address}:{c.port}</td>
            <td>{c.relatedAddress ? `${c.relatedAddress}:${c.relatedPort}` : ''}</td>
            <td>{c.url ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ErrorTable({ errors }: { errors: IceCandidateError[] }) {
  if (errors.length === 0) return null;
  return (
    <table data-testid="ice-errors">
      <caption class="muted">Server errors ({errors.length})</caption>
      <thead>
        <tr><th>Code</th><th>Text</th><th>Server</th></tr>
      </thead>
      <tbody>
        {errors.map((e, i) => (
          <tr key={i}>
            <td>{e.errorCode}</td>
            <td>{e.errorText}</td>
            <td>{e.url}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
