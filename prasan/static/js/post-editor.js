/* The post body's small editor: the page shows the body formatted in a contenteditable area; this script adds the
   toolbar (headings, lists, links, the post's own photos) and sends the area's HTML with the form. The server
   sanitises whatever comes; a form sent without this script keeps the stored body (no `body_present`). */
(function () {
  "use strict";
  var area = document.getElementById("body-editor");
  if (!area) return;
  var textarea = document.querySelector("textarea[name=body_html]");
  var toolbar = document.querySelector(".editor-toolbar");
  var form = textarea.form;
  var present = document.createElement("input");
  present.type = "hidden";
  present.name = "body_present";
  present.value = "1";
  form.appendChild(present);
  toolbar.hidden = false;
  document.getElementById("body-label").addEventListener("click", function () { area.focus(); });
  try { document.execCommand("defaultParagraphSeparator", false, "p"); } catch (e) { /* older browsers */ }

  function sync() { textarea.value = area.innerHTML; }
  sync();
  area.addEventListener("input", sync);
  form.addEventListener("submit", sync);

  toolbar.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) return;
    area.focus();
    if (button.dataset.block) {
      document.execCommand("formatBlock", false, button.dataset.block);
    } else if (button.dataset.command) {
      document.execCommand(button.dataset.command, false, null);
    } else if (button.hasAttribute("data-link")) {
      var url = window.prompt("ที่อยู่ลิงก์ (ขึ้นต้นด้วย https://)", "https://");
      if (url && /^(https?:\/\/|mailto:)/i.test(url)) document.execCommand("createLink", false, url);
    } else if (button.hasAttribute("data-unlink")) {
      document.execCommand("unlink", false, null);
    } else if (button.dataset.image) {
      var img = document.createElement("img");
      img.setAttribute("data-image", button.dataset.image);
      img.setAttribute("src", button.dataset.src);
      img.setAttribute("alt", button.dataset.alt);
      var holder = document.createElement("div");
      holder.appendChild(img);
      document.execCommand("insertHTML", false, "<p>" + holder.innerHTML + "</p>");
    }
    sync();
  });
})();
