import type { Translate } from '../../src/i18n/translate';

/**
 * A validator path in the admin's terms: `rules[1].urls[0]` becomes
 * `rule “turn-udp”: urls[0]` when the document names that rule's id, so an
 * import error points at the rule the admin wrote, not at its position.
 */
export function describePath(document: unknown, path: string, t: Translate): string {
  const m = /^rules\[(\d+)\]\.?(.*)$/.exec(path);
  if (!m) return path;
  const rules = document !== null && typeof document === 'object' ? (document as { rules?: unknown }).rules : undefined;
  const rule = Array.isArray(rules) ? (rules[Number(m[1])] as { id?: unknown } | undefined) : undefined;
  const id = rule && typeof rule.id === 'string' && rule.id.trim() !== '' ? rule.id : null;
  if (!id) return path;
  return m[2] ? t('options_error_rule_field', [id, m[2]]) : t('options_error_rule', [id]);
}
