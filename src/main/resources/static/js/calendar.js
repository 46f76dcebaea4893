// The calendar page: the date written out beside each date field follows what is typed, in the
// page's language (Buddhist Era in Thai), and "reset all" asks first.
(function () {
  var thai = (document.documentElement.lang || 'th') !== 'en';
  var format = new Intl.DateTimeFormat(thai ? 'th-TH-u-ca-buddhist' : 'en-GB',
    { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  document.querySelectorAll('input[type=date][aria-describedby]').forEach(function (input) {
    var note = document.getElementById(input.getAttribute('aria-describedby'));
    if (!note) { return; }
    function show() {
      var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.value);
      note.textContent = m ? format.format(new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]))) : '';
    }
    input.addEventListener('input', show);
    input.addEventListener('change', show);
  });
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      if (!window.confirm(form.getAttribute('data-confirm'))) { e.preventDefault(); }
    });
  });
})();
