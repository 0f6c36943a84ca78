// Starts reading the crash journal (src/web/journal.rs says what it is) the moment the page
// loads, before the app's code has arrived and compiled. IndexedDB answers from another thread in
// tens of milliseconds; the form opens without waiting for it and puts back what it holds newer
// once it answers (web::startup::boot says how), so asking here brings that moment closer.
//
// The app takes the answer from `leeruitkomstenJournal`: a promise of `{ db, keys, values }`, or of
// null where there is no journal (no IndexedDB, refused, or no answer within 2 s: a database
// blocked by another tab must not keep the form from opening). Where this script did not run, the
// app opens the journal itself. The database, its version and its one store are the ones
// journal.rs names; both must agree.
//
// A plain script with no imports and no eval: it runs under a strict Content-Security-Policy.
"use strict";
globalThis.leeruitkomstenJournal = new Promise((resolve) => {
  const timer = setTimeout(() => resolve(null), 2000);
  const done = (found) => {
    clearTimeout(timer);
    resolve(found);
  };
  try {
    const request = indexedDB.open("leeruitkomsten", 1);
    request.onupgradeneeded = () => request.result.createObjectStore("kv");
    request.onerror = () => done(null);
    request.onsuccess = () => {
      const db = request.result;
      // An unreadable journal is still written to from now on, as the app does with its own.
      const unread = () => done({ db, keys: [], values: [] });
      try {
        const store = db.transaction("kv").objectStore("kv");
        const keys = store.getAllKeys();
        const values = store.getAll();
        // Requests of one transaction complete in order: the values come last.
        values.onsuccess = () => done({ db, keys: keys.result, values: values.result });
        keys.onerror = unread;
        values.onerror = unread;
      } catch {
        unread();
      }
    };
  } catch {
    done(null);
  }
});
