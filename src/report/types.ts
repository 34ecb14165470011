/**
 * The report: one JSON document per run. Its shape is declared once, in
 * src/report/shape.ts; the types here are read off that declaration, and so
 * is docs/report.schema.json (the descriptions of every field are there). The
 * popup and the exports render it; they never recompute it. It holds no
 * secret: credentials are never copied in, and stripped again if they slip in.
 */
import type { ReportShape } from './shape';

export const REPORT_SCHEMA = 'webrtc-network-check/report@3';

/** Who started a run: the popup, an automation message, the alarm or browser start-up. */
export type RunTrigger = 'user' | 'automation' | 'schedule' | 'startup';

/** One run's report (docs/report.schema.json). */
export type Report = ReportShape;

/** Facts about the browser that support needs to read a report. */
export type Environment = Report['environment'];

/** The profile the run checked, its chosen region and options, and what the validator dropped. */
export type ReportProfile = Report['profile'];

/** One peer connection's gathering, without its candidates (those are listed flat). */
export type ReportGathering = Report['gatherings'][number];

export type ReportCandidate = Report['candidates'][number];

export type ReportIceError = Report['iceErrors'][number];

/** TLS interception as far as the browser shows it (`certificatesVisible` false: "cannot tell", never "not intercepted"). */
export type TlsFinding = NonNullable<Report['tls']>;

/** One cut made to fit storage (src/report/fit.ts). */
export type Truncation = NonNullable<Report['truncated']>[number];

/** Whether the run's TCP went through a proxy, and what showed it. */
export type ProxyFinding = Report['proxy'];
