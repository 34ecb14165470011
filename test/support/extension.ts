/**
 * The tests launch the extension exactly as `npm run check` does: one launcher,
 * in cli/launch.ts.
 */
export { DIST, extensionWithHostAccess, launchWithExtension, sendFromPage } from '../../cli/launch';
export type { ExtensionBrowser, LaunchOptions } from '../../cli/launch';
