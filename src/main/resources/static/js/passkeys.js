// Passkeys through Spring Security's WebAuthn endpoints (after its own spring-security-webauthn.js, which needs an
// inline script to start and sends people to its own pages): sign-in on the sign-in page, creation on the "add a
// passkey" page. No inline script: the CSP forbids it.
(function () {
  'use strict';

  function toBase64Url(buffer) {
    var bytes = new Uint8Array(buffer);
    var binary = '';
    for (var i = 0; i < bytes.length; i++) {
      binary += String.fromCharCode(bytes[i]);
    }
    return window.btoa(binary).replace(/=/g, '').replace(/\+/g, '-').replace(/\//g, '_');
  }

  function fromBase64Url(text) {
    var binary = window.atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function post(url, csrf, body) {
    var headers = { 'Content-Type': 'application/json' };
    headers[csrf.header] = csrf.token;
    return fetch(url, { method: 'POST', headers: headers, credentials: 'same-origin', body: body ? JSON.stringify(body) : undefined })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      });
  }

  function descriptors(list) {
    return (list || []).map(function (credential) {
      return Object.assign({}, credential, { id: fromBase64Url(credential.id) });
    });
  }

  function signIn(button) {
    var context = button.dataset.context.replace(/\/$/, '');
    var csrf = { header: button.dataset.csrfHeader, token: button.dataset.csrfToken };
    return post(context + '/webauthn/authenticate/options', csrf)
      .then(function (options) {
        return navigator.credentials.get({
          publicKey: Object.assign({}, options, {
            challenge: fromBase64Url(options.challenge),
            allowCredentials: descriptors(options.allowCredentials)
          })
        });
      })
      .then(function (credential) {
        var response = credential.response;
        return post(context + '/login/webauthn', csrf, {
          id: credential.id,
          rawId: toBase64Url(credential.rawId),
          response: {
            authenticatorData: toBase64Url(response.authenticatorData),
            clientDataJSON: toBase64Url(response.clientDataJSON),
            signature: toBase64Url(response.signature),
            userHandle: response.userHandle ? toBase64Url(response.userHandle) : undefined
          },
          credType: credential.type,
          clientExtensionResults: credential.getClientExtensionResults(),
          authenticatorAttachment: credential.authenticatorAttachment
        });
      })
      .then(function (result) {
        if (!result || !result.authenticated || !result.redirectUrl) {
          throw new Error('not signed in');
        }
        window.location.assign(result.redirectUrl);
      })
      .catch(function () {
        window.location.assign(button.dataset.failed);
      });
  }

  function register(button) {
    var meta = document.querySelector('meta[name="hearth-csrf"]');
    var csrf = { header: meta.dataset.header, token: meta.content };
    var context = button.dataset.context.replace(/\/$/, '');
    var error = document.getElementById('passkey-error');
    error.hidden = true;
    button.disabled = true;
    return post(context + '/webauthn/register/options', csrf)
      .then(function (options) {
        return navigator.credentials.create({
          publicKey: Object.assign({}, options, {
            user: Object.assign({}, options.user, { id: fromBase64Url(options.user.id) }),
            challenge: fromBase64Url(options.challenge),
            excludeCredentials: descriptors(options.excludeCredentials)
          })
        });
      })
      .then(function (credential) {
        var response = credential.response;
        return post(context + '/webauthn/register', csrf, {
          publicKey: {
            label: button.dataset.name,
            credential: {
              id: credential.id,
              rawId: toBase64Url(credential.rawId),
              response: {
                attestationObject: toBase64Url(response.attestationObject),
                clientDataJSON: toBase64Url(response.clientDataJSON),
                transports: response.getTransports ? response.getTransports() : []
              },
              type: credential.type,
              clientExtensionResults: credential.getClientExtensionResults(),
              authenticatorAttachment: credential.authenticatorAttachment
            }
          }
        });
      })
      .then(function (result) {
        if (!result || !result.success) {
          throw new Error('not registered');
        }
        window.location.assign(button.dataset.done);
      })
      .catch(function () {
        error.hidden = false;
        button.disabled = false;
        error.focus();
      });
  }

  var supported = !!(window.PublicKeyCredential && navigator.credentials);
  var signInButton = document.getElementById('passkey-signin');
  if (signInButton && supported) {
    document.getElementById('passkey-signin-area').hidden = false;
    signInButton.addEventListener('click', function () {
      signIn(signInButton);
    });
  }
  var createButton = document.getElementById('create-passkey');
  if (createButton) {
    if (supported) {
      createButton.hidden = false;
      createButton.addEventListener('click', function () {
        register(createButton);
      });
    } else {
      document.getElementById('passkey-unsupported').hidden = false;
    }
  }
}());
