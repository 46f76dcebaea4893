// Every page: the phone's menu button, and keyboard access to tables wider than the screen.
(function () {
  document.documentElement.classList.add('js');

  // the navigation's menus: one open at a time; a click elsewhere or Escape closes them
  var groups = document.querySelectorAll('header nav details.nav-group');
  groups.forEach(function (group) {
    group.addEventListener('toggle', function () {
      if (group.open) {
        groups.forEach(function (other) { if (other !== group) { other.open = false; } });
      }
    });
  });
  document.addEventListener('click', function (e) {
    groups.forEach(function (group) { if (group.open && !group.contains(e.target)) { group.open = false; } });
  });
  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Escape') { return; }
    groups.forEach(function (group) {
      if (group.open) {
        group.open = false;
        group.querySelector('summary').focus();
        e.stopImmediatePropagation(); // the phone's menu stays open: close one level at a time
      }
    });
  });

  // the menu button (shown on narrow screens only, by CSS): a disclosure for the main navigation;
  // without this script the navigation stays open, as on the desktop
  var button = document.getElementById('menu-button');
  var nav = document.getElementById('main-nav');
  if (button && nav) {
    button.addEventListener('click', function () {
      var open = button.getAttribute('aria-expanded') !== 'true';
      button.setAttribute('aria-expanded', String(open));
      nav.classList.toggle('open', open);
    });
    document.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && button.getAttribute('aria-expanded') === 'true') {
        button.setAttribute('aria-expanded', 'false');
        nav.classList.remove('open');
        button.focus();
      }
    });
  }

  // a table that scrolls sideways can be reached and scrolled with the keyboard, and is named
  function scrollables() {
    document.querySelectorAll('.table-wrap').forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        if (!wrap.hasAttribute('tabindex')) {
          var caption = wrap.querySelector('caption');
          var name = caption ? caption.textContent.trim() : '';
          var table = wrap.querySelector('table');
          wrap.setAttribute('tabindex', '0');
          wrap.setAttribute('role', 'region');
          wrap.setAttribute('aria-label', name || (table && table.getAttribute('aria-label')) || document.title);
          wrap.setAttribute('data-scroll-keys', 'true');
        }
      } else if (wrap.hasAttribute('data-scroll-keys')) {
        wrap.removeAttribute('tabindex');
        wrap.removeAttribute('role');
        wrap.removeAttribute('aria-label');
        wrap.removeAttribute('data-scroll-keys');
      }
    });
  }
  scrollables();
  window.addEventListener('resize', scrollables);
  window.addEventListener('load', scrollables);
})();
