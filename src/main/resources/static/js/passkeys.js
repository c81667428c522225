// Passkeys (WebAuthn) for the second factor: adding one on the page of the second factor, and using
// one after the password. Speaks the JSON of Spring Security's passkey endpoints. The pages work without
// this script (the authenticator app needs none); the passkey parts are shown only when it runs.
"use strict";
(() => {
  const toBytes = (text) => {
    const binary = window.atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0)).buffer;
  };
  const toText = (buffer) =>
    window.btoa(String.fromCharCode(...new Uint8Array(buffer)))
      .replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_");

  const csrfHeaders = (form) => {
    const token = form.querySelector("input[name='_csrf']");
    return token ? { "X-CSRF-TOKEN": token.value } : {};
  };

  const post = async (url, form, body) => {
    const response = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", ...csrfHeaders(form) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      throw new Error("HTTP " + response.status);
    }
    return response.json();
  };

  const showError = (form) => {
    const error = document.getElementById(form.dataset.error);
    if (error) {
      error.hidden = false;
      error.focus();
    }
  };

  const signIn = async (form) => {
    const options = await post(form.dataset.options, form);
    options.challenge = toBytes(options.challenge);
    options.allowCredentials = (options.allowCredentials || []).map((c) => ({ ...c, id: toBytes(c.id) }));
    const credential = await navigator.credentials.get({ publicKey: options });
    const response = credential.response;
    const answer = await post(form.action, form, {
      id: credential.id,
      rawId: toText(credential.rawId),
      response: {
        authenticatorData: toText(response.authenticatorData),
        clientDataJSON: toText(response.clientDataJSON),
        signature: toText(response.signature),
        userHandle: response.userHandle ? toText(response.userHandle) : undefined,
      },
      credType: credential.type,
      clientExtensionResults: credential.getClientExtensionResults(),
      authenticatorAttachment: credential.authenticatorAttachment,
    });
    if (!answer.authenticated || !answer.redirectUrl) {
      throw new Error("Not accepted");
    }
    window.location.assign(answer.redirectUrl);
  };

  const register = async (form) => {
    const label = form.querySelector("input[name='label']").value.trim();
    if (!label) {
      const missing = document.getElementById(form.dataset.labelMissing);
      if (missing) {
        missing.hidden = false;
      }
      form.querySelector("input[name='label']").focus();
      return;
    }
    const options = await post(form.dataset.options, form);
    options.challenge = toBytes(options.challenge);
    options.user = { ...options.user, id: toBytes(options.user.id) };
    options.excludeCredentials = (options.excludeCredentials || []).map((c) => ({ ...c, id: toBytes(c.id) }));
    const credential = await navigator.credentials.create({ publicKey: options });
    const response = credential.response;
    const answer = await post(form.action, form, {
      publicKey: {
        label,
        credential: {
          id: credential.id,
          rawId: toText(credential.rawId),
          response: {
            attestationObject: toText(response.attestationObject),
            clientDataJSON: toText(response.clientDataJSON),
            transports: response.getTransports ? response.getTransports() : [],
          },
          type: credential.type,
          clientExtensionResults: credential.getClientExtensionResults(),
          authenticatorAttachment: credential.authenticatorAttachment,
        },
      },
    });
    if (!answer.success) {
      throw new Error("Not registered");
    }
    window.location.assign(form.dataset.done);
  };

  const supported = !!(window.PublicKeyCredential && navigator.credentials);
  document.querySelectorAll("[data-passkey]").forEach((form) => {
    const part = form.closest("[data-passkey-part]") || form;
    if (!supported) {
      return;
    }
    part.hidden = false;
    document.querySelectorAll("[data-passkey-no-script]").forEach((note) => { note.hidden = true; });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const action = form.dataset.passkey === "register" ? register : signIn;
      action(form).catch((error) => {
        console.error(error);
        showError(form);
      });
    });
  });
})();
