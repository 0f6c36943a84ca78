// What the page says until the app has started. index.html and hogeschool.html show "… wordt
// geladen…" inside #app, the element the app empties when it starts (README: Start-up), so the
// first paint is a sentence rather than a white page while the app's code arrives: on a phone on
// site that can take seconds. This script says it in English where the link or the kept
// preference asks for that (as the app chooses: the link first), adds a line when loading takes
// long, and says so when the app's code could not be loaded at all (a lost connection, a browser
// without WebAssembly), with a button to try again. Once the app runs, #boot is gone and nothing
// here does anything.
//
// Deferred: it runs once the page is read (#boot is there) and holds up neither the page nor the
// app's loader, which runs first (a script that blocked the page delayed the app's start by some
// 20 ms). A file that failed before it ran is found in the browser's resource timing.
// The texts are the app's own (src/i18n/embed.rs); a native test holds them to each other.
// trunk's minifier gathers names used more than once into variables, in an order that changes
// from run to run: the two pages of one build may each get a copy of this file under its own
// name, a kilobyte each (README: Start-up).
// A plain script with no imports and no eval: it runs under a strict Content-Security-Policy.
"use strict";
(() => {
  const TEXTS = {
    nl: {
      form: "Het formulier wordt geladen…",
      page: "De pagina wordt geladen…",
      slow: "Dit duurt langer dan gewoonlijk. Is er verbinding met internet?",
      failed: "De app kon niet worden geladen. Controleer de verbinding en probeer het opnieuw. Wat op dit apparaat is bewaard, gaat niet verloren.",
      retry: "Opnieuw proberen",
    },
    en: {
      form: "Loading the form…",
      page: "Loading the page…",
      slow: "This is taking longer than usual. Is there an internet connection?",
      failed: "The app could not be loaded. Check the connection and try again. Nothing kept on this device is lost.",
      retry: "Try again",
    },
  };
  // Milliseconds after which a page still loading says so.
  const SLOW_AFTER_MS = 8000;

  const boot = () => document.getElementById("boot");
  // The codes `Lang::from_code` takes (src/i18n/mod.rs); a valid link first, as the app keeps it.
  const CODES = { nl: ["nl", "nl-nl", "nl-be"], en: ["en", "en-gb", "en-us"] };
  const [DEFAULT] = Object.keys(CODES);
  const known = (code) => {
    const c = String(code).trim().toLowerCase();
    return Object.keys(CODES).find((lang) => CODES[lang].includes(c));
  };
  const lang = (() => {
    let asked, kept;
    try {
      asked = new URLSearchParams(location.search).get("lang");
      kept = localStorage.getItem("leeruitkomsten:lang");
    } catch {
      // Storage refused (a private window, a policy): the link's, or the default.
    }
    return known(asked) ?? known(kept) ?? DEFAULT;
  })();
  const texts = TEXTS[lang];
  const element = (name, className, text) => {
    const made = document.createElement(name);
    made.className = className;
    made.lang = lang;
    if (text) made.textContent = text;
    return made;
  };
  const paragraph = (className, text) => element("p", className, text);

  const status = () => boot()?.querySelector(".boot-status");
  const shown = boot();
  if (shown && lang !== DEFAULT) {
    const first = status();
    first.textContent = texts[shown.dataset.page === "hogeschool" ? "page" : "form"];
    first.lang = lang;
  }

  const slow = setTimeout(() => {
    const page = boot();
    if (!page || page.querySelector(".boot-slow, .boot-failed")) return;
    page.append(paragraph("boot-slow", texts.slow));
  }, SLOW_AFTER_MS);

  const failed = () => {
    const page = boot();
    if (!page || page.querySelector(".boot-failed")) return;
    clearTimeout(slow);
    page.querySelector(".boot-slow")?.remove();
    const message = element("div", "boot-failed notice notice-error");
    message.setAttribute("role", "alert");
    // Outside any form, so a plain button.
    const retry = element("button", "boot-retry", texts.retry);
    retry.addEventListener("click", () => location.reload());
    message.append(paragraph("boot-failed-text", texts.failed), retry);
    status()?.remove();
    page.append(message);
  };
  // A file the page names that did not arrive (the glue script, the preloaded .wasm, a style
  // sheet) fires `error` at its element, seen here on the way down; the .wasm fetched or compiled
  // by the loader fails its module, reported as an error of the window. One that failed before
  // this script ran is in the browser's resource timing, as a file of this site with status 0
  // (where the browser gives a status: Chromium does).
  const missing = (entry) => {
    const url = new URL(entry.name);
    return entry.responseStatus === 0 && url.origin === location.origin && /\.(wasm|js|css)$/.test(url.pathname);
  };
  if (performance.getEntriesByType?.("resource").some(missing)) failed();
  addEventListener("error", (event) => {
    if (event.target !== window && !(event.target instanceof HTMLScriptElement || event.target instanceof HTMLLinkElement)) return;
    failed();
  }, true);
  addEventListener("unhandledrejection", failed);
})();
