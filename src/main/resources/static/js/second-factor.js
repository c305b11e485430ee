// Fills in the code from an emailed sign-in link (/signin/second-factor#code=123456): the fragment never reaches the
// server, and it leaves the address bar (and so the history) at once. No inline script: the CSP forbids it.
(function () {
  'use strict';
  var match = /^#code=(\d{6})$/.exec(window.location.hash);
  var field = document.getElementById('code');
  if (match && field) {
    field.value = match[1];
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }
}());
