// Draws each process diagram of the school page with bpmn-js (served from /vendor, no CDN): the model
// comes from the engine, current activities are highlighted and completed ones marked.
(function () {
  function ids(value) {
    return value ? value.split(',').filter(function (s) { return s.length > 0; }) : [];
  }
  document.querySelectorAll('.diagram[data-xml-url]').forEach(function (el) {
    if (typeof BpmnJS === 'undefined') {
      return;
    }
    var viewer = new BpmnJS({ container: el });
    fetch(el.getAttribute('data-xml-url'), { credentials: 'same-origin' })
      .then(function (r) { return r.text(); })
      .then(function (xml) { return viewer.importXML(xml); })
      .then(function () {
        var canvas = viewer.get('canvas');
        var registry = viewer.get('elementRegistry');
        canvas.zoom('fit-viewport');
        ids(el.getAttribute('data-completed')).forEach(function (id) {
          if (registry.get(id)) { canvas.addMarker(id, 'qa-done'); }
        });
        ids(el.getAttribute('data-active')).forEach(function (id) {
          if (registry.get(id)) { canvas.addMarker(id, 'qa-current'); }
        });
        el.setAttribute('data-rendered', 'true');
      })
      .catch(function (e) {
        el.setAttribute('data-error', String(e));
      });
  });
})();
