// The body editor's embed node (django-prose-editor / Tiptap).
//
// An address of an allowlisted provider (masthead/lib/embeds.py, passed in
// as the "providers" option), pasted into an empty paragraph, becomes an
// embed node, stored as <figure data-embed="address"></figure>. The editor
// shows the provider's name and the address and loads nothing from the
// provider. Embed code (an iframe, a script) pasted or dropped into the
// text is refused with a message saying why, instead of vanishing. Any
// other address stays text (or a link). The server checks all of it again
// (masthead/lib/html.py). The texts come translated in the options.
import { Node, Plugin } from "django-prose-editor/editor"

const EMBED_CODE = /<\s*(iframe|script|embed|object)\b/i
const PROVIDER = "%(provider)s"

function fill(text, provider) {
  return String(text).split(PROVIDER).join(provider)
}

// { provider, linkOnly } for an allowlisted address, else null.
function findProvider(options, address) {
  if (!address || address.length > options.maxLength) return null
  for (const provider of options.providers || []) {
    for (const pattern of provider.patterns) {
      if (new RegExp(pattern.regex).test(address)) {
        return { provider: provider.name, linkOnly: pattern.linkOnly }
      }
    }
  }
  return null
}

// A message below the editor, read out by screen readers; the next
// refusal replaces it, the next accepted paste removes it.
function showMessage(view, text) {
  const editor = view.dom.closest(".prose-editor") || view.dom
  let message = editor.nextElementSibling
  if (!message || !message.classList.contains("embed-message")) {
    message = document.createElement("p")
    message.className = "embed-message"
    message.setAttribute("role", "alert")
    editor.after(message)
  }
  message.textContent = text
}

function clearMessage(view) {
  const editor = view.dom.closest(".prose-editor") || view.dom
  const message = editor.nextElementSibling
  if (message && message.classList.contains("embed-message")) message.remove()
}

function holdsEmbedCode(data) {
  if (!data) return false
  return EMBED_CODE.test(data.getData("text/html") || "") ||
    EMBED_CODE.test(data.getData("text/plain") || "")
}

export const Embed = Node.create({
  name: "embed",
  group: "block",
  atom: true,
  selectable: true,
  draggable: true,

  addOptions() {
    return {
      providers: [],
      maxLength: 2000,
      label: "Embedded content from %(provider)s",
      linkOnly: "Link to %(provider)s",
      refused: "Embed code cannot be pasted into the text. Paste the address on a line of its own.",
    }
  },

  addAttributes() {
    return {
      address: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-embed"),
        renderHTML: (attributes) => ({ "data-embed": attributes.address }),
      },
    }
  },

  parseHTML() {
    // Before any other figure node.
    return [{ tag: "figure[data-embed]", priority: 60 }]
  },

  renderHTML({ HTMLAttributes }) {
    return ["figure", HTMLAttributes]
  },

  addNodeView() {
    const options = this.options
    return ({ node }) => {
      const dom = document.createElement("figure")
      dom.className = "embed-node"
      dom.contentEditable = "false"
      const found = findProvider(options, node.attrs.address)
      const label = document.createElement("strong")
      label.className = "embed-node__label"
      label.textContent = found
        ? fill(found.linkOnly ? options.linkOnly : options.label, found.provider)
        : node.attrs.address
      const address = document.createElement("span")
      address.className = "embed-node__address"
      address.textContent = node.attrs.address
      dom.append(label, address)
      return { dom }
    }
  },

  addProseMirrorPlugins() {
    const options = this.options
    const type = this.type
    const editor = this.editor
    return [
      new Plugin({
        props: {
          handlePaste(view, event) {
            if (holdsEmbedCode(event.clipboardData)) {
              showMessage(view, options.refused)
              return true
            }
            const text = (event.clipboardData && event.clipboardData.getData("text/plain") || "").trim()
            const { $from, empty } = view.state.selection
            const onItsOwnLine = empty && $from.parent.type.name === "paragraph" && $from.parent.content.size === 0
            if (!onItsOwnLine || /\s/.test(text) || !findProvider(options, text)) {
              clearMessage(view)
              return false
            }
            // The address's paragraph becomes the node; a paragraph follows
            // it when it ends the text, so that writing can go on below.
            const content = [{ type: type.name, attrs: { address: text } }]
            if ($from.after() === view.state.doc.content.size) content.push({ type: "paragraph" })
            editor.chain().insertContentAt({ from: $from.before(), to: $from.after() }, content).scrollIntoView().run()
            clearMessage(view)
            return true
          },
          handleDrop(view, event) {
            if (holdsEmbedCode(event.dataTransfer)) {
              showMessage(view, options.refused)
              return true
            }
            return false
          },
        },
      }),
    ]
  },
})
