// Polls the test resource until a message is analysed, then renders its score card.
// A static file because the pages' Content-Security-Policy forbids inline script.
(function () {
  var section = document.getElementById('test-report');
  if (!section) { return; }
  var token = section.getAttribute('data-token');
  var status = document.getElementById('test-status');

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }

  function render(message) {
    var r = message.report;
    section.textContent = '';
    var h = el('h2', 'Score: ');
    var s = el('span', r.score.toFixed(1));
    s.id = 'test-score';
    h.appendChild(s);
    h.appendChild(document.createTextNode(' / 10'));
    section.appendChild(h);
    section.appendChild(el('pre', r.authentication.authenticationResults));
    var ul = el('ul', null, 'checks');
    ul.id = 'test-checks';
    r.checks.forEach(function (c) {
      var li = el('li', null, 'check-' + c.status);
      li.appendChild(el('code', c.id));
      li.appendChild(document.createTextNode(' ' + c.status + ': ' + c.explanation
        + (c.deduction > 0 ? ' (\u2212' + c.deduction + ')' : '')));
      if (c.fix && c.status !== 'pass') {
        li.appendChild(el('div', 'Fix: ' + c.fix, 'fix'));
      }
      ul.appendChild(li);
    });
    section.appendChild(ul);
  }

  function poll() {
    fetch('/api/v1/tests/' + encodeURIComponent(token), { headers: { 'Accept': 'application/json' } })
      .then(function (resp) { return resp.json(); })
      .then(function (doc) {
        var done = doc.messages.filter(function (m) { return m.report; });
        if (done.length > 0) {
          render(done[done.length - 1]);
          return;
        }
        status.textContent = doc.status === 'analysing' ? 'Message received, analysing\u2026' : 'Waiting for your message\u2026';
        setTimeout(poll, 2000);
      })
      .catch(function () { setTimeout(poll, 5000); });
  }
  poll();
})();
