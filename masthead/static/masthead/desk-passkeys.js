// Passkeys (WebAuthn) in the desk: the forms of
// templates/accounts/fragment_passkey.html. "register" adds a passkey to
// the signed-in account; "sign-in" completes a sign-in after the password.
// The server's side is masthead/accounts/passkey_views.py; it sends the
// WebAuthn options as JSON (binary values in base64url) and takes the
// browser's answer in the same form.
(function () {
  "use strict";
  if (!window.PublicKeyCredential || !navigator.credentials) return;

  function fromBase64url(text) {
    var base64 = text.replace(/-/g, "+").replace(/_/g, "/");
    var binary = atob(base64 + "===".slice((base64.length + 3) % 4));
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes.buffer;
  }

  function toBase64url(buffer) {
    var bytes = new Uint8Array(buffer);
    var binary = "";
    for (var i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function withIds(descriptors) {
    return (descriptors || []).map(function (descriptor) {
      return Object.assign({}, descriptor, { id: fromBase64url(descriptor.id) });
    });
  }

  function creationOptions(json) {
    return Object.assign({}, json, {
      challenge: fromBase64url(json.challenge),
      user: Object.assign({}, json.user, { id: fromBase64url(json.user.id) }),
      excludeCredentials: withIds(json.excludeCredentials),
    });
  }

  function requestOptions(json) {
    return Object.assign({}, json, {
      challenge: fromBase64url(json.challenge),
      allowCredentials: withIds(json.allowCredentials),
    });
  }

  function credentialJSON(credential) {
    var response = credential.response;
    var json = {
      id: credential.id,
      rawId: toBase64url(credential.rawId),
      type: credential.type,
      authenticatorAttachment: credential.authenticatorAttachment || undefined,
      clientExtensionResults: credential.getClientExtensionResults(),
      response: { clientDataJSON: toBase64url(response.clientDataJSON) },
    };
    if (response.attestationObject) {
      json.response.attestationObject = toBase64url(response.attestationObject);
      json.response.transports = response.getTransports ? response.getTransports() : [];
    } else {
      json.response.authenticatorData = toBase64url(response.authenticatorData);
      json.response.signature = toBase64url(response.signature);
      if (response.userHandle) json.response.userHandle = toBase64url(response.userHandle);
    }
    return json;
  }

  function post(url, form, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/json",
        "X-CSRFToken": form.querySelector("[name=csrfmiddlewaretoken]").value,
      },
      body: JSON.stringify(body || {}),
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) throw new Error(data.detail || String(response.status));
        return data;
      });
    });
  }

  async function register(form) {
    var options = await post(form.dataset.begin, form);
    var credential = await navigator.credentials.create({ publicKey: creationOptions(options) });
    var answer = credentialJSON(credential);
    answer.name = form.elements.name ? form.elements.name.value : "";
    return post(form.dataset.complete, form, answer);
  }

  async function signIn(form) {
    var options = await post(form.dataset.begin, form);
    var credential = await navigator.credentials.get({ publicKey: requestOptions(options) });
    return post(form.dataset.complete, form, credentialJSON(credential));
  }

  document.querySelectorAll("form[data-passkey]").forEach(function (form) {
    var button = form.querySelector("button");
    var status = form.querySelector(".passkey-status");
    form.hidden = false;
    form.addEventListener("submit", async function (event) {
      event.preventDefault();
      button.disabled = true;
      status.textContent = form.dataset.waiting;
      try {
        var done = await (form.dataset.passkey === "register" ? register(form) : signIn(form));
        window.location.assign(done.redirect_url);
      } catch (error) {
        // Cancelled, timed out or refused: the browser's and the server's
        // reasons are not for editors; one message in their language is.
        status.textContent = form.dataset.failed;
        button.disabled = false;
      }
    });
  });
})();
