// Conforme for intranet pages: load this module (with the files beside it) and use
//   await Conforme.ready;
//   const report = Conforme.check(text, { body: 'conseil_municipal', population: 12400 });
//   Conforme.mount(element);              // the whole checker inside `element`
//   <conforme-checker></conforme-checker>  // the same, as a custom element
// Everything runs in the browser; nothing is sent anywhere. Paths are relative to this file.
import init, { checkJson, mountApp } from './__GLUE__';

const here = import.meta.url;
let loaded = false;
const ready = init({ module_or_path: new URL('./__WASM__', here) }).then(() => {
  loaded = true;
  window.dispatchEvent(new CustomEvent('conforme-ready'));
});

function check(text, options = {}) {
  if (!loaded) throw new Error("Conforme n'est pas encore chargé : attendez « await Conforme.ready ».");
  // The contract's report as a plain object, identical to the CLI's JSON.
  return JSON.parse(checkJson(String(text ?? ''), options.body || '', options.population || 0));
}

async function mount(element, options = {}) {
  await ready;
  // A shadow root keeps the checker's styles in and the host page's styles out.
  const shadow = element.shadowRoot || element.attachShadow({ mode: 'open' });
  shadow.replaceChildren();
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('./conforme.css', here).href;
  const root = document.createElement('div');
  root.className = 'conforme-root';
  shadow.append(link, root);
  mountApp(root);
  return root;
}

export const Conforme = { ready, check, mount };
window.Conforme = Conforme;

if (!customElements.get('conforme-checker')) {
  customElements.define('conforme-checker', class extends HTMLElement {
    connectedCallback() { if (!this.shadowRoot) mount(this); }
  });
}
