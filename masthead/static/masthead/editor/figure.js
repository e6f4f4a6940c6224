// Pictures and galleries of the media library in the body editor.
//
// Two nodes (the stored markup is described in masthead/articles/body.py):
//   bodyImage   <figure data-image="12" data-size="column"><figcaption>…</figcaption></figure>
//   bodyGallery <figure data-gallery=""><figure data-image="12">…</figure>…</figure>
// The editor shows the pictures themselves (thumbnails from the desk's
// search endpoint, masthead/desk/figures.py) with their captions. A picture
// comes from the library (a dialog that searches it) or is uploaded on the
// spot: chosen in that dialog, dropped or pasted into the text. An upload
// asks for the description (alt text) in the article's language.
//
// Every string comes translated from the form (desk/forms.py passes the
// options); the English below is only a fallback for the admin.
import { Node, Plugin } from "django-prose-editor/editor"

const FALLBACK = {
  insertImage: "Insert a picture",
  insertGallery: "Insert a gallery",
  dialogImage: "Picture",
  dialogGallery: "Gallery",
  search: "Search the media library",
  searchButton: "Search",
  more: "More pictures",
  noResults: "No pictures found.",
  orUpload: "Or upload a new picture",
  file: "Image file",
  alt: "Description for readers who cannot see it",
  caption: "Caption",
  captionHelp: "Leave empty to use the picture's own caption.",
  credit: "Credit (photographer or agency)",
  size: "Size",
  sizeColumn: "Column width",
  sizeFull: "Full width",
  insert: "Insert",
  update: "Update",
  cancel: "Cancel",
  remove: "Remove",
  edit: "Edit",
  moveEarlier: "Move earlier",
  moveLater: "Move later",
  addPictures: "Add pictures",
  uploading: "Uploading …",
  uploadFailed: "The picture could not be uploaded. Please try again.",
  uploadForbidden: "You may not upload pictures. Choose one from the media library.",
  loadFailed: "The media library could not be reached. Please try again.",
  chooseOne: "Choose a picture or upload one.",
  chooseSome: "Choose at least one picture.",
  altRequired: "Describe the image for readers who cannot see it.",
  missing: "This picture is no longer in the media library. Readers do not see it.",
  noAlt: "This picture has no description in the article's language yet.",
  photo: "Photo: {credit}",
  selected: "selected",
}

const optionsOf = (extension) => extension.options || {}
const text = (options, key) => (options.strings || {})[key] || FALLBACK[key]

const el = (tag, attributes = {}, children = []) => {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue
    if (name === "text") node.textContent = value
    else if (name === "className") node.className = value
    else node.setAttribute(name, value === true ? "" : value)
  }
  node.append(...children)
  return node
}

let fieldNumber = 0
const field = (label, control, help = "") => {
  control.id = control.id || `masthead-figure-field-${++fieldNumber}`
  const parts = [el("label", { for: control.id, text: label }), control]
  if (help) {
    const helpId = `${control.id}-help`
    control.setAttribute("aria-describedby", helpId)
    parts.push(el("span", { className: "prose-editor-help", id: helpId, text: help }))
  }
  return el("div", { className: "prose-editor-dialog-field" }, parts)
}

// The article's language: the form's language field while a new article
// has none yet, else the one the form was opened with.
const languageOf = (options) => {
  const select = options.languageField && document.getElementById(options.languageField)
  return (select && select.value) || options.language || ""
}

const csrfToken = () => {
  const input = document.querySelector("input[name=csrfmiddlewaretoken]")
  if (input) return input.value
  const match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/)
  return match ? decodeURIComponent(match[1]) : ""
}

// Images by id, fetched in one request for all the pictures shown at once.
const cache = new Map()
let pending = null

function loadImage(options, id) {
  const key = `${languageOf(options)}:${id}`
  if (!cache.has(key)) {
    if (!pending) {
      pending = { ids: new Map(), language: languageOf(options) }
      queueMicrotask(() => flush(options))
    }
    let resolve
    const promise = new Promise((r) => (resolve = r))
    pending.ids.set(String(id), resolve)
    cache.set(key, promise)
  }
  return cache.get(key)
}

function remember(options, data) {
  cache.set(`${languageOf(options)}:${data.id}`, Promise.resolve(data))
}

async function flush(options) {
  const { ids, language } = pending
  pending = null
  if (!options.searchUrl) {
    for (const resolve of ids.values()) resolve(null)
    return
  }
  const found = {}
  try {
    const url = new URL(options.searchUrl, window.location.href)
    url.searchParams.set("ids", [...ids.keys()].join(","))
    url.searchParams.set("language", language)
    const response = await fetch(url, { credentials: "same-origin" })
    if (response.ok) {
      for (const image of (await response.json()).results) found[image.id] = image
    }
  } catch (_error) {
    // Shown as a picture that could not be found.
  }
  for (const [id, resolve] of ids) resolve(found[id] || null)
}

async function search(options, query, page) {
  const url = new URL(options.searchUrl, window.location.href)
  url.searchParams.set("q", query)
  url.searchParams.set("page", page)
  url.searchParams.set("language", languageOf(options))
  const response = await fetch(url, { credentials: "same-origin" })
  if (!response.ok) throw new Error(text(options, "loadFailed"))
  return response.json()
}

async function upload(options, { file, alt, caption, credit }) {
  const body = new FormData()
  body.append("file", file)
  body.append("language", languageOf(options))
  body.append("alt", alt)
  body.append("caption", caption || "")
  body.append("credit", credit || "")
  let response
  try {
    response = await fetch(options.uploadUrl, {
      method: "POST",
      body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken() },
    })
  } catch (_error) {
    throw new Error(text(options, "uploadFailed"))
  }
  let data = null
  try {
    data = await response.json()
  } catch (_error) {
    // Not JSON: a sign-in page or a server error.
  }
  if (response.status === 403) throw new Error(text(options, "uploadForbidden"))
  if (!response.ok || !data) {
    throw new Error((data && data.error) || text(options, "uploadFailed"))
  }
  remember(options, data)
  return data
}

// The picture as the editor shows it: thumbnail, caption, credit, and a
// warning when it is missing or has no alt text in the article's language.
function pictureView(options, id, caption) {
  const figure = el("figure", { className: "masthead-figure__picture", "data-image": id })
  const img = el("img", { alt: "", className: "masthead-figure__img" })
  const captionLine = el("figcaption", { className: "masthead-figure__caption" })
  const warning = el("p", { className: "masthead-figure__warning", hidden: true })
  figure.append(img, captionLine, warning)
  if (!options.searchUrl) {
    // Without the desk's search (the admin), the picture is named only.
    img.remove()
    captionLine.textContent = [`${text(options, "dialogImage")} ${id}`, caption].filter(Boolean).join(": ")
    return figure
  }
  loadImage(options, id).then((data) => {
    if (!data) {
      img.remove()
      warning.textContent = text(options, "missing")
      warning.hidden = false
      return
    }
    // An imported picture whose file is not fetched yet has no thumbnail.
    if (data.thumbnail) img.src = data.thumbnail
    else img.remove()
    img.width = data.width
    img.height = data.height
    img.alt = data.alt
    const parts = [caption || data.caption]
    if (data.credit) parts.push(text(options, "photo").replace("{credit}", data.credit))
    captionLine.textContent = parts.filter(Boolean).join(" ")
    if (!data.alt) {
      warning.textContent = text(options, "noAlt")
      warning.hidden = false
    }
  })
  return figure
}

function button(label, handler, className = "") {
  const b = el("button", { type: "button", className: `masthead-figure__button ${className}`, text: label })
  b.addEventListener("click", (event) => {
    event.preventDefault()
    handler()
  })
  return b
}

// The dialog: choose from the library (one picture or several) or upload
// one. Resolves with [{image, caption, size}] or null when cancelled.
function openDialog(editor, options, { multiple = false, file = null, current = null, sized = !multiple } = {}) {
  return new Promise((resolve) => {
    const chosen = new Map()
    const form = el("form", { className: "masthead-figure-dialog", novalidate: true })
    const title = text(options, multiple ? "dialogGallery" : "dialogImage")
    const error = el("p", { className: "masthead-figure-dialog__error", role: "alert" })

    // The library
    const query = el("input", { type: "search", name: "q" })
    const results = el("div", { className: "masthead-figure-dialog__results" })
    const more = el("button", { type: "button", hidden: true, text: text(options, "more") })
    let page = 1
    const show = async (reset) => {
      if (reset) {
        page = 1
        results.textContent = ""
      }
      try {
        const data = await search(options, query.value, page)
        for (const image of data.results) {
          remember(options, image)
          const pick = el("button", {
            type: "button",
            className: "masthead-figure-dialog__result",
            "aria-pressed": chosen.has(image.id) ? "true" : "false",
            "data-image": image.id,
            title: image.caption || image.name,
          })
          pick.append(el("img", { src: image.thumbnail, alt: image.alt || image.name, width: image.width, height: image.height }))
          pick.addEventListener("click", () => {
            if (!multiple) {
              chosen.clear()
              for (const other of results.querySelectorAll("[aria-pressed]")) other.setAttribute("aria-pressed", "false")
            }
            if (chosen.has(image.id)) chosen.delete(image.id)
            else chosen.set(image.id, image)
            pick.setAttribute("aria-pressed", chosen.has(image.id) ? "true" : "false")
          })
          results.append(pick)
        }
        if (!results.children.length) results.append(el("p", { text: text(options, "noResults") }))
        more.hidden = !data.next
        page = data.next || page
      } catch (e) {
        error.textContent = e.message
      }
    }
    more.addEventListener("click", () => show(false))
    query.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault()
        show(true)
      }
    })
    const searchButton = el("button", { type: "button", text: text(options, "searchButton") })
    searchButton.addEventListener("click", () => show(true))

    // An upload
    const fileInput = el("input", { type: "file", name: "file", accept: "image/*" })
    const alt = el("input", { type: "text", name: "alt", maxlength: 300 })
    const uploadCaption = el("input", { type: "text", name: "upload_caption", maxlength: 300 })
    const credit = el("input", { type: "text", name: "credit", maxlength: 200 })
    const preview = el("img", { className: "masthead-figure-dialog__preview", alt: "", hidden: true })
    // A data: address: the desk's Content-Security-Policy allows no blob: images.
    const showFile = (f) => {
      if (!f) return
      const reader = new FileReader()
      reader.addEventListener("load", () => {
        preview.src = reader.result
        preview.hidden = false
      })
      reader.readAsDataURL(f)
    }
    fileInput.addEventListener("change", () => showFile(fileInput.files[0]))
    let droppedFile = file
    if (file) showFile(file)

    // This use of the picture
    const size = el("select", { name: "size" }, [
      el("option", { value: "column", text: text(options, "sizeColumn") }),
      el("option", { value: "full", text: text(options, "sizeFull") }),
    ])
    const caption = el("input", { type: "text", name: "caption", maxlength: 300 })
    if (current) {
      size.value = current.size || "column"
      caption.value = current.caption || ""
    }

    const parts = [el("h3", { className: "prose-editor-dialog-title", text: title })]
    if (!file && !current) {
      parts.push(
        el("div", { className: "masthead-figure-dialog__search" }, [field(text(options, "search"), query), searchButton]),
        results,
        more,
      )
    }
    if (!current && options.uploadUrl) {
      const uploadParts = [preview]
      if (!file) uploadParts.push(field(text(options, "file"), fileInput))
      uploadParts.push(
        field(text(options, "alt"), alt),
        field(text(options, "caption"), uploadCaption),
        field(text(options, "credit"), credit),
      )
      parts.push(
        el("fieldset", { className: "masthead-figure-dialog__upload" }, [
          el("legend", { text: file ? text(options, "dialogImage") : text(options, "orUpload") }),
          ...uploadParts,
        ]),
      )
    }
    if (current) parts.push(field(text(options, "caption"), caption, text(options, "captionHelp")))
    if (sized) parts.push(field(text(options, "size"), size))
    const submit = el("button", { type: "submit", text: text(options, current ? "update" : "insert") })
    const cancel = el("button", { type: "button", text: text(options, "cancel") })
    parts.push(error, el("div", { className: "prose-editor-dialog-buttons" }, [submit, cancel]))
    form.append(...parts)

    const dialog = el("dialog", { className: "prose-editor-dialog masthead-figure-dialog", "aria-label": title }, [form])
    const wrapper = el("div", {}, [dialog])
    editor.view.dom.parentElement.append(wrapper)
    let result = null
    dialog.addEventListener("close", () => {
      wrapper.remove()
      resolve(result)
    })
    cancel.addEventListener("click", () => dialog.close())
    form.addEventListener("submit", async (event) => {
      event.preventDefault()
      error.textContent = ""
      const use = { size: size.value, caption: current ? caption.value.trim() : "" }
      if (current) {
        result = [use]
        dialog.close()
        return
      }
      const picked = [...chosen.keys()].map((id) => ({ image: id, ...use }))
      const newFile = droppedFile || fileInput.files[0]
      if (newFile) {
        if (!alt.value.trim()) {
          error.textContent = text(options, "altRequired")
          alt.focus()
          return
        }
        submit.disabled = true
        submit.textContent = text(options, "uploading")
        try {
          const data = await upload(options, {
            file: newFile,
            alt: alt.value.trim(),
            caption: uploadCaption.value.trim(),
            credit: credit.value.trim(),
          })
          picked.push({ image: data.id, ...use })
          droppedFile = null
        } catch (e) {
          error.textContent = e.message
          submit.disabled = false
          submit.textContent = text(options, "insert")
          return
        }
      }
      if (!picked.length) {
        error.textContent = text(options, multiple ? "chooseSome" : "chooseOne")
        return
      }
      result = picked
      dialog.close()
    })
    dialog.showModal()
    if (!file && !current) show(true)
    else if (file) alt.focus()
  })
}

const svgIcon = (path) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">${path}</svg>`
const IMAGE_ICON = svgIcon('<rect x="3" y="4" width="18" height="16" rx="2"/><circle cx="9" cy="10" r="2"/><path d="m21 17-5-5-9 8"/>')
const GALLERY_ICON = svgIcon('<rect x="2" y="6" width="14" height="14" rx="2"/><path d="M6 2h14a2 2 0 0 1 2 2v14"/><path d="m16 16-4-4-8 8"/>')

// Node views: the node's attributes change through a transaction, so that
// undo and the form's textarea follow.
function setAttrs(editor, getPos, node, attrs) {
  const pos = getPos()
  if (typeof pos !== "number") return
  editor.view.dispatch(editor.state.tr.setNodeMarkup(pos, undefined, { ...node.attrs, ...attrs }))
}

function deleteNode(editor, getPos, node) {
  const pos = getPos()
  if (typeof pos !== "number") return
  editor.view.dispatch(editor.state.tr.delete(pos, pos + node.nodeSize))
}

const stopEvent = (event) => !!event.target.closest?.("button, input, select, textarea")

// Uploading pictures dropped or pasted into the text.
function uploadFiles(editor, options, files, pos) {
  const run = async () => {
    const placed = []
    for (const file of files) {
      const picked = await openDialog(editor, options, { file })
      if (picked) placed.push(...picked)
    }
    if (!placed.length) return
    const content =
      placed.length === 1
        ? { type: "bodyImage", attrs: { image: placed[0].image, size: placed[0].size, caption: "" } }
        : { type: "bodyGallery", attrs: { items: placed.map((p) => ({ image: p.image, caption: "" })) } }
    const at = Math.min(pos ?? editor.state.selection.to, editor.state.doc.content.size)
    editor.chain().focus().insertContentAt(at, content).run()
  }
  run()
}

const imageFiles = (list) => [...(list || [])].filter((f) => f.type.startsWith("image/"))

export const BodyImage = Node.create({
  name: "bodyImage",
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,

  addOptions() {
    return { searchUrl: "", uploadUrl: "", language: "", languageField: "", strings: {} }
  },

  addAttributes() {
    return {
      image: { default: null, rendered: false },
      size: { default: "column", rendered: false },
      caption: { default: "", rendered: false },
    }
  },

  parseHTML() {
    return [
      {
        tag: "figure[data-image]",
        getAttrs: (dom) =>
          dom.hasAttribute("data-gallery")
            ? false
            : {
                image: dom.getAttribute("data-image"),
                size: dom.getAttribute("data-size") === "full" ? "full" : "column",
                caption: dom.querySelector(":scope > figcaption")?.textContent.trim() || "",
              },
      },
    ]
  },

  renderHTML({ node }) {
    const attrs = { "data-image": String(node.attrs.image), "data-size": node.attrs.size }
    return node.attrs.caption ? ["figure", attrs, ["figcaption", {}, node.attrs.caption]] : ["figure", attrs]
  },

  addNodeView() {
    const options = optionsOf(this)
    const editor = this.editor
    return ({ node: initial, getPos }) => {
      let node = initial
      const dom = el("div", { className: "masthead-figure" })
      const render = () => {
        dom.textContent = ""
        dom.classList.toggle("masthead-figure--full", node.attrs.size === "full")
        const tools = el("div", { className: "masthead-figure__tools" }, [
          el("span", { className: "masthead-figure__size", text: text(options, node.attrs.size === "full" ? "sizeFull" : "sizeColumn") }),
          button(text(options, "edit"), async () => {
            const picked = await openDialog(editor, options, { current: node.attrs })
            if (picked) setAttrs(editor, getPos, node, { size: picked[0].size, caption: picked[0].caption })
          }),
          button(text(options, "remove"), () => deleteNode(editor, getPos, node)),
        ])
        dom.append(pictureView(options, node.attrs.image, node.attrs.caption), tools)
      }
      render()
      return {
        dom,
        stopEvent,
        ignoreMutation: () => true,
        update(updated) {
          if (updated.type.name !== "bodyImage") return false
          node = updated
          render()
          return true
        },
      }
    }
  },

  addCommands() {
    return {
      insertBodyImage:
        () =>
        ({ editor }) => {
          openDialog(editor, optionsOf(this)).then((picked) => {
            if (!picked) return
            const { image, size } = picked[0]
            editor.chain().focus().insertContent({ type: "bodyImage", attrs: { image, size, caption: "" } }).run()
          })
          return true
        },
    }
  },

  addMenuItems({ buttons, menu }) {
    const options = optionsOf(this)
    if (!options.searchUrl) return
    menu.defineItem({
      name: "bodyImage",
      groups: "nodes",
      button: buttons.svg(IMAGE_ICON, text(options, "insertImage")),
      command(editor) {
        editor.commands.insertBodyImage()
      },
    })
  },

  addProseMirrorPlugins() {
    const options = optionsOf(this)
    const editor = this.editor
    if (!options.uploadUrl) return []
    return [
      new Plugin({
        props: {
          handleDrop(view, event) {
            const files = imageFiles(event.dataTransfer?.files)
            if (!files.length) return false
            event.preventDefault()
            const at = view.posAtCoords({ left: event.clientX, top: event.clientY })
            uploadFiles(editor, options, files, at ? at.pos : null)
            return true
          },
          handlePaste(_view, event) {
            const files = imageFiles(event.clipboardData?.files)
            if (!files.length) return false
            event.preventDefault()
            uploadFiles(editor, options, files, null)
            return true
          },
        },
      }),
    ]
  },
})

export const BodyGallery = Node.create({
  name: "bodyGallery",
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,

  addOptions() {
    return { searchUrl: "", uploadUrl: "", language: "", languageField: "", strings: {} }
  },

  addAttributes() {
    return { items: { default: [], rendered: false } }
  },

  parseHTML() {
    return [
      {
        tag: "figure[data-gallery]",
        getAttrs: (dom) => ({
          items: [...dom.querySelectorAll(":scope > figure[data-image]")].map((figure) => ({
            image: figure.getAttribute("data-image"),
            caption: figure.querySelector(":scope > figcaption")?.textContent.trim() || "",
          })),
        }),
      },
    ]
  },

  renderHTML({ node }) {
    return [
      "figure",
      { "data-gallery": "" },
      ...node.attrs.items.map((item) =>
        item.caption
          ? ["figure", { "data-image": String(item.image) }, ["figcaption", {}, item.caption]]
          : ["figure", { "data-image": String(item.image) }],
      ),
    ]
  },

  addNodeView() {
    const options = optionsOf(this)
    const editor = this.editor
    return ({ node: initial, getPos }) => {
      let node = initial
      const dom = el("div", { className: "masthead-gallery" })
      const change = (items) => {
        if (items.length) setAttrs(editor, getPos, node, { items })
        else deleteNode(editor, getPos, node)
      }
      const render = () => {
        dom.textContent = ""
        const items = node.attrs.items
        const list = el("ol", { className: "masthead-gallery__items" })
        items.forEach((item, index) => {
          const move = (by) => {
            const next = [...items]
            next.splice(index + by, 0, next.splice(index, 1)[0])
            change(next)
          }
          const tools = el("div", { className: "masthead-figure__tools" }, [
            button(text(options, "moveEarlier"), () => move(-1)),
            button(text(options, "moveLater"), () => move(1)),
            button(text(options, "edit"), async () => {
              const picked = await openDialog(editor, options, { current: item, sized: false })
              if (picked) change(items.map((it, i) => (i === index ? { ...it, caption: picked[0].caption } : it)))
            }),
            button(text(options, "remove"), () => change(items.filter((_it, i) => i !== index))),
          ])
          tools.children[0].disabled = index === 0
          tools.children[1].disabled = index === items.length - 1
          list.append(el("li", { className: "masthead-gallery__item" }, [pictureView(options, item.image, item.caption), tools]))
        })
        const add = button(text(options, "addPictures"), async () => {
          const picked = await openDialog(editor, options, { multiple: true })
          if (picked) change([...items, ...picked.map((p) => ({ image: p.image, caption: "" }))])
        })
        dom.append(el("p", { className: "masthead-gallery__title", text: text(options, "dialogGallery") }), list, el("div", { className: "masthead-figure__tools" }, [add, button(text(options, "remove"), () => deleteNode(editor, getPos, node))]))
      }
      render()
      return {
        dom,
        stopEvent,
        ignoreMutation: () => true,
        update(updated) {
          if (updated.type.name !== "bodyGallery") return false
          node = updated
          render()
          return true
        },
      }
    }
  },

  addCommands() {
    return {
      insertBodyGallery:
        () =>
        ({ editor }) => {
          openDialog(editor, optionsOf(this), { multiple: true }).then((picked) => {
            if (!picked) return
            const items = picked.map((p) => ({ image: p.image, caption: "" }))
            editor.chain().focus().insertContent({ type: "bodyGallery", attrs: { items } }).run()
          })
          return true
        },
    }
  },

  addMenuItems({ buttons, menu }) {
    const options = optionsOf(this)
    if (!options.searchUrl) return
    menu.defineItem({
      name: "bodyGallery",
      groups: "nodes",
      button: buttons.svg(GALLERY_ICON, text(options, "insertGallery")),
      command(editor) {
        editor.commands.insertBodyGallery()
      },
    })
  },
})
