// A briefing pack's parts reordered by dragging (the ▲ ▼ buttons do the same without a mouse): on drop the new
// order of part ids is posted and the server's list replaces this one.
(function () {
  "use strict";
  var dragged = null;

  function list() { return document.querySelector("ol.pack-parts[data-order-url]"); }

  document.addEventListener("dragstart", function (event) {
    var item = event.target.closest && event.target.closest("li.pack-part[draggable]");
    if (!item) return;
    dragged = item;
    item.classList.add("dragging");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", item.dataset.part);
  });

  document.addEventListener("dragover", function (event) {
    var over = event.target.closest && event.target.closest("li.pack-part");
    if (!dragged || !over || over === dragged || over.parentNode !== dragged.parentNode) return;
    event.preventDefault();
    var box = over.getBoundingClientRect();
    var after = event.clientY > box.top + box.height / 2;
    over.parentNode.insertBefore(dragged, after ? over.nextSibling : over);
  });

  document.addEventListener("drop", function (event) {
    if (dragged) event.preventDefault();
  });

  document.addEventListener("dragend", function () {
    if (!dragged) return;
    dragged.classList.remove("dragging");
    dragged = null;
    var ol = list();
    if (!ol || !window.htmx) return;
    var order = Array.prototype.map.call(ol.querySelectorAll("li.pack-part"), function (li) { return li.dataset.part; });
    var token = document.querySelector("input[name=csrfmiddlewaretoken]");
    window.htmx.ajax("POST", ol.dataset.orderUrl, {
      target: "#parts-list", swap: "outerHTML",
      values: {order: order.join(","), csrfmiddlewaretoken: token ? token.value : ""}
    });
  });
})();
