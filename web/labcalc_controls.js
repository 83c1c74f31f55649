// labcalc page glue, second part (--pre-js after labcalc_pre.js): real elements over the canvas's
// controls. The canvas is one opaque element to the Tab key, a screen reader and a phone keyboard; so for
// each control the frame lists (src/ui/exposed_controls.hpp) the page keeps a real element over it, in
// the order drawn: a range input for a slider, a decimal text box where a value can be typed, a button,
// a checkbox, a select. They are transparent (the canvas draws the control and, around the focused one,
// the focus ring), except a text box being typed in, which shows itself over the canvas's box. Only the
// text boxes take the pointer (a tap opens the phone's keyboard); the rest leave pointer input to the
// canvas, which handles touch and drags itself. Every key press on an element is one event here, so
// quick presses all count.
/* global LabcalcHost */
'use strict';

var LabcalcControls = typeof document === 'undefined' ? null : (function () { // none in the sampling worker
  var layer = document.getElementById('labcalc-controls');
  var byId = new Map();
  var lastJson = '';
  var opener = null;        // the button whose menu is open (focus goes back to it)
  var live = document.getElementById('labcalc-live');

  function text(id, value) { return LabcalcHost.callString('labcalc_control_text', [id, value], ['name', 'name']); }
  function press(id) { LabcalcHost.callString('labcalc_control_press', [id], ['name']); LabcalcHost.call('labcalc_wake'); }
  function step(id, steps, toEnd) {
    LabcalcHost.callString('labcalc_control_step', [id], ['name'], [steps, toEnd]);
    LabcalcHost.call('labcalc_wake');
  }
  function announce(message) { if (live) live.textContent = message; }

  function tagFor(role) {
    return role === 'slider' ? 'range' : role === 'number' ? 'number' : role === 'checkbox' ? 'checkbox' :
      role === 'choice' ? 'select' : 'button';
  }

  function create(c) {
    var el;
    var kind = tagFor(c.role);
    if (kind === 'range') {
      el = document.createElement('input');
      el.type = 'range';
      el.addEventListener('input', function () { text(c.id, el.value); LabcalcHost.call('labcalc_wake'); });
    } else if (kind === 'number') {
      el = document.createElement('input');
      el.type = 'text';
      el.inputMode = 'decimal';
      el.autocomplete = 'off';
      el.spellcheck = false;
      var commit = function () {
        if (el.value === el.dataset.typed) return;
        var error = text(el.dataset.id, el.value);
        el.setAttribute('aria-invalid', error ? 'true' : 'false');
        if (error) announce(error);
        else el.dataset.typed = el.value;
        LabcalcHost.call('labcalc_wake');
      };
      el.addEventListener('change', commit);
      el.labcalcCommit = commit;
      el.addEventListener('focus', function () { el.select(); });
    } else if (kind === 'checkbox') {
      el = document.createElement('input');
      el.type = 'checkbox';
      el.addEventListener('change', function () {
        var error = text(el.dataset.id, el.checked ? 'true' : 'false');
        if (error) { el.checked = !el.checked; announce(error); }
        LabcalcHost.call('labcalc_wake');
      });
    } else if (kind === 'select') {
      el = document.createElement('select');
      el.addEventListener('change', function () { text(el.dataset.id, el.value); LabcalcHost.call('labcalc_wake'); });
    } else {
      el = document.createElement('button');
      el.type = 'button';
      el.addEventListener('click', function () {
        if (el.dataset.opensMenu) opener = el.dataset.id;
        press(el.dataset.id);
      });
    }
    el.className = 'labcalc-ctl labcalc-ctl-' + kind;
    el.dataset.id = c.id;
    el.dataset.kind = kind;
    el.addEventListener('focus', function () { LabcalcHost.callString('labcalc_control_focus', [c.id], ['name']); LabcalcHost.call('labcalc_wake'); });
    el.addEventListener('blur', function () {
      setTimeout(function () {
        if (!layer.contains(document.activeElement)) {
          LabcalcHost.callString('labcalc_control_focus', [''], ['name']);
          LabcalcHost.call('labcalc_wake');
        }
      }, 0);
    });
    return el;
  }

  function setAttr(el, name, value) {
    if (value === null || value === undefined) { if (el.hasAttribute(name)) el.removeAttribute(name); }
    else if (el.getAttribute(name) !== String(value)) el.setAttribute(name, String(value));
  }

  function place(el, c) {
    // The visible part of the control, or (scrolled out of its panel) its whole box kept inside the
    // window, so that focusing it never scrolls the document; the canvas then scrolls it into view.
    var r = c.visible[2] > 0 && c.visible[3] > 0 ? c.visible : c.rect;
    var x = Math.max(0, Math.min(r[0], window.innerWidth - 4));
    var y = Math.max(0, Math.min(r[1], window.innerHeight - 4));
    el.style.left = x + 'px';
    el.style.top = y + 'px';
    el.style.width = Math.max(4, r[2]) + 'px';
    el.style.height = Math.max(4, r[3]) + 'px';
  }

  function update(el, c) {
    var kind = el.dataset.kind;
    setAttr(el, 'aria-label', c.label);
    setAttr(el, 'aria-description', c.error ? c.error : (c.description || null));
    setAttr(el, 'aria-invalid', c.error ? 'true' : null);
    if (c.menu) el.dataset.menu = '1';
    if (c.opensMenu) el.dataset.opensMenu = c.opensMenu;
    if (kind === 'range') {
      setAttr(el, 'min', c.min);
      setAttr(el, 'max', c.max);
      setAttr(el, 'step', 'any');
      if (el.value !== String(c.value)) el.value = String(c.value);
      setAttr(el, 'aria-valuetext', c.valueText);
    } else if (kind === 'number') {
      if (document.activeElement !== el && el.value !== c.typed) el.value = c.typed;
      el.dataset.typed = c.typed;
      setAttr(el, 'placeholder', c.valueText || null);
      setAttr(el, 'aria-description', c.error ? c.error : [c.valueText, c.description].filter(Boolean).join('. ') || null);
    } else if (kind === 'checkbox') {
      el.checked = !!c.checked;
    } else if (kind === 'select') {
      var key = JSON.stringify(c.options);
      if (el.dataset.options !== key) {
        el.replaceChildren.apply(el, c.options.map(function (o) {
          var option = document.createElement('option');
          option.value = o[0];
          option.textContent = o[1];
          return option;
        }));
        el.dataset.options = key;
      }
      if (el.value !== c.selected) el.value = c.selected;
    } else {
      if (el.textContent !== c.label) el.textContent = c.label;
      setAttr(el, 'aria-label', null);
      if (c.role === 'section') setAttr(el, 'aria-expanded', c.checked ? 'true' : 'false');
      else if (c.menu && !c.dialog) { setAttr(el, 'role', 'menuitem'); }
      if (el.dataset.opensMenu) setAttr(el, 'aria-haspopup', el.dataset.opensMenu);
    }
    place(el, c);
  }

  function sync(json) {
    if (json === lastJson || !layer) return;
    lastJson = json;
    var list = JSON.parse(json);
    var focused = document.activeElement;
    var focusedId = focused && layer.contains(focused) ? focused.dataset.id : null;
    var focusedIndex = focusedId ? Array.prototype.indexOf.call(layer.children, focused) : -1;
    var seen = new Set();
    var menuAppeared = false;
    list.forEach(function (c, i) {
      seen.add(c.id);
      var el = byId.get(c.id);
      if (el && el.dataset.kind !== tagFor(c.role)) { el.remove(); el = null; }
      if (!el) {
        el = create(c);
        byId.set(c.id, el);
        if (c.menu) menuAppeared = true;
      }
      update(el, c);
      if (layer.children[i] !== el) layer.insertBefore(el, layer.children[i] || null);
    });
    byId.forEach(function (el, id) {
      if (!seen.has(id)) { el.remove(); byId.delete(id); }
    });
    // Focus: into a menu that just opened from its button; back to the button when the menu closes;
    // kept on an element that moved; to its neighbour when its control went away.
    if (menuAppeared && focusedId && focusedId === opener) {
      var first = layer.querySelector('[data-menu]');
      if (first) first.focus({ preventScroll: true });
    } else if (focusedId && !seen.has(focusedId)) {
      var back = opener && byId.get(opener);
      var next = back || layer.children[Math.min(Math.max(focusedIndex, 0), layer.children.length - 1)];
      if (next) next.focus({ preventScroll: true });
      opener = null;
    } else if (focusedId && document.activeElement !== byId.get(focusedId)) {
      byId.get(focusedId).focus({ preventScroll: true });
    }
  }

  // Keys on the elements, from the page's capturing listener (labcalc_pre.js), before GLFW could see them.
  function keydown(e) {
    var el = e.target;
    if (!el || !layer || !layer.contains(el)) return;
    var kind = el.dataset.kind, k = e.key;
    if (kind === 'range') {
      var steps = 0, toEnd = 0;
      if (k === 'ArrowRight' || k === 'ArrowUp') steps = 1;
      else if (k === 'ArrowLeft' || k === 'ArrowDown') steps = -1;
      else if (k === 'PageUp') steps = 10;
      else if (k === 'PageDown') steps = -10;
      else if (k === 'Home') toEnd = -1;
      else if (k === 'End') toEnd = 1;
      else return;
      e.preventDefault();
      step(el.dataset.id, steps, toEnd);
    } else if (kind === 'number') {
      if (k === 'Enter') { el.labcalcCommit(); el.select(); }
      else if (k === 'Escape') { el.value = el.dataset.typed; el.blur(); }
    } else if (kind === 'button' && k === 'Escape' && el.dataset.menu) {
      e.preventDefault();
      press('menu.close');
    }
  }

  return { sync: sync, announce: announce, keydown: keydown };
})();
