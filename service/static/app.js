// Shortlist web page: a little progressive enhancement; every form also works without JavaScript.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // Show slider values next to the sliders.
  document.querySelectorAll("input[type=range][data-out]").forEach((input) => {
    const out = document.getElementById(input.dataset.out);
    input.addEventListener("input", () => { if (out) out.textContent = Number(input.value).toFixed(2); });
  });

  // Re-rank in place when a weight changes: fetch the shortlist fragment and swap it in.
  document.querySelectorAll("form[data-live]").forEach((form) => {
    const target = document.getElementById(form.dataset.live);
    let pending = 0;
    const refresh = async () => {
      const query = new URLSearchParams(new FormData(form)).toString();
      const url = form.action + "?" + query;
      const ticket = ++pending;
      target.setAttribute("aria-busy", "true");
      try {
        const resp = await fetch(url + "&partial=1", { credentials: "same-origin" });
        if (ticket !== pending) return;  // a newer change is on its way
        if (resp.ok) {
          target.innerHTML = await resp.text();
          history.replaceState(null, "", url);
        } else {
          window.location.assign(url);
        }
      } finally {
        if (ticket === pending) target.removeAttribute("aria-busy");
      }
    };
    form.addEventListener("change", refresh);
    form.addEventListener("submit", (ev) => { ev.preventDefault(); refresh(); });
  });

  // "Save weights" posts the current slider values.
  document.querySelectorAll("form[data-copy-from]").forEach((form) => {
    form.addEventListener("submit", () => {
      const source = document.getElementById(form.dataset.copyFrom);
      source.querySelectorAll("input[type=range]").forEach((input) => {
        const hidden = document.createElement("input");
        hidden.type = "hidden";
        hidden.name = input.name;
        hidden.value = input.value;
        form.appendChild(hidden);
      });
    });
  });

  // Ask before destructive actions.
  document.querySelectorAll("form[data-confirm]").forEach((form) => {
    form.addEventListener("submit", (ev) => {
      if (!window.confirm(form.dataset.confirm)) ev.preventDefault();
    });
  });
});
