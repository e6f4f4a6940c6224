// Every desk page. Signing out removes this browser's unsaved copies of
// articles (masthead:autosave:…), so that the next person at a shared
// computer does not find them.
document.addEventListener("submit", function (event) {
  if (!event.target.matches("form[data-clears-autosave]")) return;
  try {
    Object.keys(localStorage).forEach(function (key) {
      if (key.indexOf("masthead:autosave:") === 0) localStorage.removeItem(key);
    });
  } catch (e) {
    // Storage may be unavailable (private mode, disabled): nothing to remove.
  }
});
