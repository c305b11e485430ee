// Warns a minute before the server ends an idle session, and offers to keep it. No inline script: the CSP forbids it.
(function () {
  'use strict';
  var meta = document.querySelector('meta[name="hearth-session-timeout"]');
  var dialog = document.getElementById('session-warning');
  var stay = document.getElementById('stay-signed-in');
  if (!meta || !dialog || !stay || typeof dialog.showModal !== 'function') {
    return;
  }
  var csrf = document.querySelector('meta[name="hearth-csrf"]');
  var timeout = Number(meta.content) * 1000;
  var warnBefore = Math.max(0, Math.min(60000, timeout - 2000));
  var warnTimer;
  var endTimer;

  function signedOut() {
    window.location.assign(meta.dataset.expiredUrl);
  }

  function schedule() {
    window.clearTimeout(warnTimer);
    window.clearTimeout(endTimer);
    warnTimer = window.setTimeout(function () {
      dialog.showModal();
      stay.focus();
    }, timeout - warnBefore);
    endTimer = window.setTimeout(signedOut, timeout);
  }

  stay.addEventListener('click', function () {
    var headers = {};
    if (csrf) {
      headers[csrf.dataset.header] = csrf.content;
    }
    fetch(meta.dataset.keepaliveUrl, { method: 'POST', headers: headers, credentials: 'same-origin', redirect: 'manual' })
      .then(function (response) {
        if (response.status === 204) {
          dialog.close();
          schedule();
        } else {
          signedOut();
        }
      }, signedOut);
  });

  schedule();
}());
