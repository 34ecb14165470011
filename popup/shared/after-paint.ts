import { useEffect, useState } from 'preact/hooks';

/**
 * A module the first paint does not need, loaded right after it: the
 * stored verdict must be on screen first (< 100 ms), and every static import
 * is fetched and parsed before the popup's first line runs.
 */
export function useAfterPaint<T>(load: () => Promise<T>): T | null {
  const [module, setModule] = useState<T | null>(null);
  useEffect(() => {
    let live = true;
    load().then(
      (loaded) => live && setModule(() => loaded),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return module;
}
