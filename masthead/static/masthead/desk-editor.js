// The rich text editor hides the textarea and edits in an element of its
// own: give that element the textarea's label, help and error texts.
document.addEventListener("prose-editor:ready", function (event) {
  var textarea = event.detail.textarea, editor = event.detail.editor, box = editor.view.dom;
  var label = document.querySelector('label[for="' + textarea.id + '"]');
  if (label) {
    label.id = label.id || textarea.id + "_label";
    box.setAttribute("aria-labelledby", label.id);
    label.addEventListener("click", function () { editor.commands.focus(); });
  }
  ["aria-describedby", "aria-invalid"].forEach(function (name) {
    if (textarea.hasAttribute(name)) box.setAttribute(name, textarea.getAttribute(name));
  });
});
