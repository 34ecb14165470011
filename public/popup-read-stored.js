// Starts the popup's stored-report read during the parse (why: popup/shared/stored-read.ts).
globalThis.wncStoredRead = chrome.storage.local.get('lastReport').then(
  (stored) => {
    document.documentElement.dataset.storedReportMs = String(Math.round(performance.now()));
    return { value: stored.lastReport };
  },
  (err) => ({ value: undefined, error: String(err) }),
);
