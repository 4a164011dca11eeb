// A file input is labelled by the browser in its own language ("Choose Files · No file chosen" in an
// English Chromium): each one gets a Thai button and a Thai line saying what was chosen. The input stays
// in the form (labels and drag-and-drop still reach it); without JavaScript the browser's own shows.
document.addEventListener("DOMContentLoaded", () => {
  for (const input of document.querySelectorAll('input[type="file"]')) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "btn secondary file-pick";
    button.textContent = input.multiple ? "เลือกไฟล์ (ได้หลายไฟล์)" : "เลือกไฟล์";
    const status = document.createElement("span");
    status.className = "file-status";
    status.setAttribute("aria-live", "polite");
    const show = () => {
      const names = Array.from(input.files, (file) => file.name);
      status.textContent = names.length === 0 ? "ยังไม่ได้เลือกไฟล์"
        : names.length === 1 ? names[0] : `เลือกแล้ว ${names.length} ไฟล์: ${names.join(", ")}`;
    };
    button.addEventListener("click", () => input.click());
    input.addEventListener("change", show);
    input.classList.add("file-native");
    input.tabIndex = -1;
    input.after(button, status);
    show();
  }
});
