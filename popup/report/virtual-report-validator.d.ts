declare module 'virtual:report-validator' {
  /** docs/report.schema.json compiled at build time (build/report-validator.ts). */
  const validate: ((document: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };
  export default validate;
}
