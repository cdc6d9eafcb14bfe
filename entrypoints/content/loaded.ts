// Imported first by the content script: marks when its code starts to load, so `npm run bench`
// can tell what loading the modules costs on every page (il:load → il:start).
performance.mark('il:load');
