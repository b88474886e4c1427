// Progressive enhancement only: every form works without JavaScript.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  // Picking a response template fills the reply box (staff can still edit it).
  for (const picker of document.querySelectorAll("select[data-fills]")) {
    picker.addEventListener("change", () => {
      const target = document.getElementById(picker.dataset.fills);
      if (target && picker.value) { target.value = picker.value; target.focus(); }
    });
  }
});
