// Paints the popup's copy of itself during the parse, then lets the held-back modules load. Why: src/contract/popup-copy.ts.
(() => {
  const release = () => {
    for (const held of document.querySelectorAll('link[rel="wnc-held-modulepreload"]')) {
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.href = held.href;
      link.crossOrigin = '';
      document.head.append(link);
    }
    const entry = document.querySelector('script[type="wnc-held-module"]');
    if (!entry) return; // not a built page (Vite's dev server): its module loads by itself
    const script = document.createElement('script');
    script.type = 'module';
    script.src = entry.src;
    script.crossOrigin = '';
    document.head.append(script);
  };
  try {
    const copy = JSON.parse(localStorage.getItem('wncPopupCopy') ?? 'null');
    const lang = getComputedStyle(document.documentElement).getPropertyValue('--messages-lang').trim();
    const build = (node) => {
      if (typeof node === 'string') return document.createTextNode(node);
      const [tag, attributes, ...children] = node;
      const element = document.createElement(tag);
      for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
      element.append(...children.map(build));
      return element;
    };
    if (copy?.schema !== 1 || copy.build !== document.querySelector('script[type="wnc-held-module"]')?.src || copy.lang !== lang) return release();
    const app = document.getElementById('app');
    app.replaceChildren(...copy.nodes.map(build));
    // Its buttons do nothing until the popup's render replaces it: not focusable, not read out (main.tsx lifts it).
    app.setAttribute('inert', '');
    document.documentElement.lang = copy.htmlLang;
    document.body.dataset.paintedFromCopy = copy.reportStartedAt ?? 'no report';
    requestAnimationFrame(() => {
      document.body.dataset.firstReportMs = String(Math.round(performance.now()));
      setTimeout(release, 0);
    });
  } catch {
    release();
  }
})();
