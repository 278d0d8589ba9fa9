(function () {
  "use strict";
  // Progressive enhancement only: every citation is also a plain link to its passage.
  var panel = document.getElementById("panel");
  var body = panel ? panel.querySelector(".panel-body") : null;
  var lastLink = null;

  function openPassage(id, link) {
    var source = document.getElementById(id);
    if (!source || !panel || !body) { return false; }
    var copy = source.cloneNode(true);
    copy.removeAttribute("id");
    while (body.firstChild) { body.removeChild(body.firstChild); }
    body.appendChild(copy);
    panel.hidden = false;
    lastLink = link;
    var mark = copy.querySelector("mark");
    if (mark) { mark.scrollIntoView({ block: "center" }); }
    var close = panel.querySelector("button");
    if (close) { close.focus({ preventScroll: true }); }
    return true;
  }

  function closePanel() {
    if (!panel || panel.hidden) { return; }
    panel.hidden = true;
    if (lastLink) { lastLink.focus({ preventScroll: true }); }
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    var link = target && target.closest ? target.closest("a.cite") : null;
    if (!link) { return; }
    var href = link.getAttribute("href") || "";
    if (href.charAt(0) !== "#") { return; }
    if (openPassage(href.slice(1), link)) { event.preventDefault(); }
  });

  if (panel) {
    var button = panel.querySelector("button");
    if (button) { button.addEventListener("click", closePanel); }
  }
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { closePanel(); }
  });

  // Map: pointing at a listed place highlights its marker, and the reverse.
  function setActive(entity, on) {
    var nodes = document.querySelectorAll("#map [data-entity]");
    for (var i = 0; i < nodes.length; i++) {
      if (nodes[i].getAttribute("data-entity") === entity) {
        nodes[i].classList.toggle("active", on);
      }
    }
  }
  var items = document.querySelectorAll("#map [data-entity]");
  for (var i = 0; i < items.length; i++) {
    (function (el) {
      var entity = el.getAttribute("data-entity");
      el.addEventListener("mouseenter", function () { setActive(entity, true); });
      el.addEventListener("mouseleave", function () { setActive(entity, false); });
    })(items[i]);
  }
  document.documentElement.classList.add("js");
})();
