// The rich text editor (django-prose-editor) in the desk.
//
// It hides the textarea and edits in an element of its own: give that
// element the textarea's label, help and error texts, and its language, so
// that the browser checks the spelling in the article's language.
//
// Its dialogs ask `gettext` (the catalog of /desk/editor/texts/, loaded
// before it) for their texts; its menu does not, so the menu's texts are
// translated here, also those it puts in afterwards (the block type shown
// changes with the cursor).
var MENU_TEXTS = {
  "paragraph": gettext("Paragraph"),
  "Paragraph": gettext("Paragraph"),
  "heading 2": gettext("Heading 2"),
  "Heading 2": gettext("Heading 2"),
  "heading 3": gettext("Heading 3"),
  "Heading 3": gettext("Heading 3"),
  "unordered list": gettext("Bulleted list"),
  "ordered list": gettext("Numbered list"),
  "blockquote": gettext("Quotation"),
  "horizontal rule": gettext("Dividing line"),
  "bold": gettext("Bold"),
  "italic": gettext("Italic"),
  "insert link": gettext("Insert link"),
  "remove link": gettext("Remove link"),
  "undo": gettext("Undo"),
  "redo": gettext("Redo"),
};

function translateMenu(container) {
  container.querySelectorAll(".prose-menubar [title]").forEach(function (element) {
    var text = MENU_TEXTS[element.getAttribute("title")];
    // Only a change: the observer below sees every write, even of the same text.
    if (!text || text === element.getAttribute("title")) return;
    element.setAttribute("title", text);
    element.setAttribute("aria-label", text);
  });
  // The block types' list shows each as it looks: <h2>Heading 2</h2>.
  container.querySelectorAll(".prose-menubar__option > *").forEach(function (element) {
    var text = MENU_TEXTS[element.textContent];
    if (text && text !== element.textContent) element.textContent = text;
  });
}

document.addEventListener("prose-editor:ready", function (event) {
  var textarea = event.detail.textarea, editor = event.detail.editor, box = editor.view.dom;
  var label = document.querySelector('label[for="' + textarea.id + '"]');
  if (label) {
    label.id = label.id || textarea.id + "_label";
    box.setAttribute("aria-labelledby", label.id);
    label.addEventListener("click", function () { editor.commands.focus(); });
  }
  ["aria-describedby", "aria-invalid", "lang", "dir", "spellcheck", "data-article-language"].forEach(
    function (name) {
      if (textarea.hasAttribute(name)) box.setAttribute(name, textarea.getAttribute(name));
    }
  );
  // The menu is put in (and its block type replaced) after this event.
  var container = box.closest(".prose-editor");
  if (container) {
    translateMenu(container);
    new MutationObserver(function () { translateMenu(container); }).observe(container, {
      childList: true, subtree: true, attributes: true, attributeFilter: ["title"],
    });
  }
});

// A new article: its texts follow the language chosen for it, in its
// direction (the select lists the right-to-left ones).
document.addEventListener("change", function (event) {
  if (event.target.id !== "id_language") return;
  var language = event.target.value;
  var rtl = (event.target.getAttribute("data-right-to-left") || "").split(" ");
  document.querySelectorAll("[data-article-language]").forEach(function (element) {
    element.setAttribute("lang", language);
    element.setAttribute("dir", rtl.indexOf(language) >= 0 ? "rtl" : "ltr");
  });
});
