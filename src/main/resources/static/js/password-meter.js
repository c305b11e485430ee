// Live password strength: asks the server's password policy (nbvcxz, personal words) while the person types, and
// shows its verdict in a polite live region under the field. Without JavaScript the form still works: the same
// policy answers when the form is sent.
(function () {
    'use strict';
    var fields = document.querySelectorAll('input[data-strength-meter]');
    Array.prototype.forEach.call(fields, function (field) {
        var form = field.form;
        var csrf = form.querySelector('input[name="_csrf"]');
        var output = document.createElement('div');
        output.className = 'strength';
        output.id = field.id + '-strength';
        output.setAttribute('aria-live', 'polite');
        var meter = document.createElement('meter');
        meter.min = 0;
        meter.max = 4;
        meter.low = 2;
        meter.high = 3;
        meter.optimum = 4;
        meter.value = 0;
        meter.setAttribute('aria-hidden', 'true');
        var text = document.createElement('p');
        text.className = 'hint';
        output.appendChild(meter);
        output.appendChild(text);
        field.parentNode.appendChild(output);
        field.setAttribute('aria-describedby', (field.getAttribute('aria-describedby') || '') + ' ' + output.id);
        var timer = null;
        var asked = 0;
        field.addEventListener('input', function () {
            clearTimeout(timer);
            timer = setTimeout(ask, 400);
        });
        function value(name) {
            var input = form.querySelector('input[name="' + name + '"]');
            return input ? input.value : '';
        }
        function ask() {
            if (!field.value) {
                meter.value = 0;
                text.textContent = '';
                return;
            }
            var mine = ++asked;
            var body = new URLSearchParams();
            body.append('password', field.value);
            body.append('username', value('username'));
            body.append('email', value('email'));
            if (csrf) {
                body.append('_csrf', csrf.value);
            }
            fetch(field.getAttribute('data-strength-meter'), { method: 'POST', body: body, credentials: 'same-origin' })
                .then(function (response) { return response.ok ? response.json() : null; })
                .then(function (reading) {
                    if (!reading || mine !== asked) {
                        return;
                    }
                    meter.value = reading.score;
                    text.textContent = 'Strength: ' + reading.label + '. ' + (reading.acceptable ? 'This password can be used.' : reading.message);
                })
                .catch(function () { /* the form's own answer will say */ });
        }
    });
}());
