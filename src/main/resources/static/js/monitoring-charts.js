// The monitoring charts, drawn with Chart.js (served from /vendor, no CDN). Every chart's numbers are
// on the page as text too (its table or its aria-label); the canvas is the picture of them.
// Also makes the national ranking sortable by its column buttons.
(function () {
  function numbers(value) {
    return value ? value.split(',').map(function (s) { return s === '' ? null : Number(s); }) : [];
  }
  var reduceMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  if (typeof Chart !== 'undefined') {
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    Chart.defaults.color = '#1d2630';
    if (reduceMotion) { Chart.defaults.animation = false; }

    // on time, late and not yet due per month of the due date: stacked bars
    document.querySelectorAll('canvas[data-chart=months]').forEach(function (el) {
      var d = el.dataset;
      new Chart(el, {
        type: 'bar',
        data: {
          labels: d.labels.split('|'),
          datasets: [
            { label: d.labelOnTime, data: numbers(d.onTime), backgroundColor: '#2e7d32' },
            { label: d.labelLate, data: numbers(d.late), backgroundColor: '#c62828' },
            { label: d.labelPending, data: numbers(d.pending), backgroundColor: '#90a4ae' }
          ]
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
          plugins: { legend: { position: 'bottom' } }
        }
      });
      el.setAttribute('data-rendered', 'true');
    });

    // a district's share on time per month: a line without axes, drawn when it scrolls into view
    var sparks = document.querySelectorAll('canvas[data-chart=sparkline]');
    function spark(el) {
      if (el.getAttribute('data-rendered')) { return; }
      var points = numbers(el.dataset.points);
      new Chart(el, {
        type: 'line',
        data: { labels: points.map(function (_, i) { return i; }), datasets: [{ data: points, borderColor: '#0b5cad', borderWidth: 2, pointRadius: 0, spanGaps: true, tension: 0.3 }] },
        options: {
          responsive: false, animation: false, events: [], layout: { padding: 3 },
          scales: { x: { display: false }, y: { display: false, min: 0, max: 100 } },
          plugins: { legend: { display: false }, tooltip: { enabled: false } }
        }
      });
      el.setAttribute('data-rendered', 'true');
    }
    if ('IntersectionObserver' in window) {
      var seen = new IntersectionObserver(function (entries) {
        entries.forEach(function (e) { if (e.isIntersecting) { spark(e.target); seen.unobserve(e.target); } });
      });
      sparks.forEach(function (el) { seen.observe(el); });
    } else {
      sparks.forEach(spark);
    }
  }

  // sortable tables: each header button sorts by its column (data-value), again to reverse
  document.querySelectorAll('table[data-sortable]').forEach(function (table) {
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    heads.forEach(function (th, col) {
      var button = th.querySelector('button.sort');
      if (!button) { return; }
      button.addEventListener('click', function () {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var numeric = th.dataset.sort === 'number';
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[col].dataset.value, y = b.cells[col].dataset.value;
          var c = numeric ? Number(x) - Number(y) : String(x).localeCompare(String(y), document.documentElement.lang || 'th');
          return ascending ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
})();
