/** The pages' one translator, under the name the export code uses. */
export { t as pageTranslate } from '../shared/i18n';
