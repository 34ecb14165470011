/**
 * The popup's modules, held back in its built HTML until public/popup-copy.js
 * lets them load: at once when the popup has no copy of itself, after the
 * copy's first frame when it has one (src/contract/popup-copy.ts). Fetched
 * and compiled during the parse, the popup's module graph held its first
 * frame back ~10-15 ms past a blank extension page's (measured,
 * docs/measured.md "The popup from its copy"); a script or preload link of an
 * unknown type is inert, so Vite's tags get one here, and the copy script
 * turns them back into a module script and module preloads.
 */
import type { Plugin } from 'vite';

/** The inert stand-ins (public/popup-copy.js names them as literals; test/unit/popup-copy-script.test.ts holds them equal). */
export const HELD_MODULE_TYPE = 'wnc-held-module';
export const HELD_PRELOAD_REL = 'wnc-held-modulepreload';

/** Rewrites the popup page's module script and module preloads to their inert stand-ins (built HTML only). */
export function holdPopupModules(html: string): string {
  const held = html.replaceAll('<script type="module"', `<script type="${HELD_MODULE_TYPE}"`).replaceAll('rel="modulepreload"', `rel="${HELD_PRELOAD_REL}"`);
  if (!held.includes(HELD_MODULE_TYPE)) throw new Error('popup/index.html: no module script to hold back (did Vite change how it writes them?)');
  return held;
}

export function popupModulesAfterCopyPlugin(): Plugin {
  return {
    name: 'wnc-popup-modules-after-copy',
    apply: 'build',
    transformIndexHtml: {
      // After Vite has written its own tags (the entry script, the preloads).
      order: 'post',
      handler: (html, context) => (context.path.endsWith('/popup/index.html') ? holdPopupModules(html) : html),
    },
  };
}
