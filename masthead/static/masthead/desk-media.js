// The media library's small helpers; every page works without them.
// - Image page: a click on the picture sets the focal point (the two
//   number fields stay the real form).
// - Article form: the lead image chooser shows the chosen picture at once,
//   searches without sending the form, and previews a file to upload.
(function () {
  "use strict";

  function focalPoint() {
    var box = document.getElementById("focal-point");
    var x = document.getElementById("id_focal_x");
    var y = document.getElementById("id_focal_y");
    if (!box || !x || !y || x.disabled) return;
    var marker = document.createElement("span");
    marker.className = "focal-point__marker";
    box.appendChild(marker);
    function show() {
      marker.style.left = (parseFloat(x.value) || 0) * 100 + "%";
      marker.style.top = (parseFloat(y.value) || 0) * 100 + "%";
    }
    box.querySelector("img").addEventListener("click", function (event) {
      var rect = event.target.getBoundingClientRect();
      var fx = (event.clientX - rect.left) / rect.width;
      var fy = (event.clientY - rect.top) / rect.height;
      x.value = Math.min(1, Math.max(0, fx)).toFixed(2);
      y.value = Math.min(1, Math.max(0, fy)).toFixed(2);
      show();
    });
    x.addEventListener("input", show);
    y.addEventListener("input", show);
    show();
  }

  function chooser() {
    var group = document.getElementById("lead-image");
    if (!group) return;
    var preview = document.getElementById("lead-image-preview");
    var image = preview.querySelector("img");
    if (!image) {
      // No lead image yet: the picture element comes with the first choice.
      image = document.createElement("img");
      image.alt = preview.dataset.alt;
      preview.insertBefore(image, preview.firstChild);
    }
    var none = document.getElementById("lead-image-none");
    var fields = {
      alt: document.getElementById("id_lead_image_alt"),
      caption: document.getElementById("id_lead_image_caption"),
      credit: document.getElementById("id_lead_image_credit"),
    };
    var upload = document.getElementById("id_lead_image_file");

    function showPicture(src, width, height) {
      // An imported picture whose file is not fetched yet has no address.
      image.hidden = !src;
      if (src) image.src = src;
      if (width) image.width = width;
      if (height) image.height = height;
      preview.hidden = false;
      if (none) none.hidden = true;
    }

    group.addEventListener("change", function (event) {
      var radio = event.target;
      if (radio.name !== "lead_image") return;
      showPicture(radio.dataset.src, radio.dataset.width, radio.dataset.height);
      fields.alt.value = radio.dataset.alt || "";
      fields.caption.value = radio.dataset.caption || "";
      fields.credit.value = radio.dataset.credit || "";
      if (upload) upload.value = "";
    });

    if (upload) {
      upload.addEventListener("change", function () {
        var file = upload.files && upload.files[0];
        if (!file) return;
        group.querySelectorAll("input[name=lead_image]").forEach(function (radio) {
          radio.checked = false;
        });
        image.removeAttribute("width");
        image.removeAttribute("height");
        // A data: address (the Content-Security-Policy allows those for
        // images, not blob: ones).
        var reader = new FileReader();
        reader.addEventListener("load", function () { showPicture(reader.result); });
        reader.readAsDataURL(file);
        fields.alt.value = "";
        fields.caption.value = "";
      });
    }

    document.getElementById("lead-image-remove").addEventListener("click", function (event) {
      // Without JavaScript the button saves the article without its image;
      // here it only clears the choice, and the next save stores that.
      event.preventDefault();
      group.querySelectorAll("input[name=lead_image]").forEach(function (radio) {
        radio.checked = false;
      });
      if (upload) upload.value = "";
      preview.hidden = true;
      image.removeAttribute("src");
      if (none) none.hidden = false;
      fields.alt.value = "";
      fields.caption.value = "";
      fields.credit.value = "";
    });

    var find = document.getElementById("lead-image-find");
    var query = document.getElementById("id_lead_image_q");
    function search(event) {
      event.preventDefault();
      var url = find.dataset.url + "?" + new URLSearchParams({
        q: query.value,
        language: group.dataset.language,
      });
      fetch(url, { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.text();
        })
        .then(function (html) {
          var grid = document.getElementById("lead-image-grid");
          var chosen = group.querySelector("input[name=lead_image]:checked");
          var holder = document.createElement("div");
          holder.innerHTML = html;
          var fresh = holder.querySelector("ul");
          // The chosen picture stays in the grid, checked.
          if (chosen) {
            var same = fresh.querySelector('input[value="' + chosen.value + '"]');
            if (same) same.closest("li").remove();
            fresh.insertBefore(chosen.closest("li"), fresh.firstChild);
          }
          grid.replaceWith(fresh);
        })
        .catch(function () {
          // The form's own search (a round trip) still works.
          find.form.requestSubmit(find);
        });
    }
    find.addEventListener("click", search);
    query.addEventListener("keydown", function (event) {
      if (event.key === "Enter") search(event);
    });
  }

  function start() {
    focalPoint();
    chooser();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
