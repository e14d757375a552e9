// Hearth's small helpers. Every page works without this file.
(function () {
  "use strict";

  // Quick exit (PRODUCT D3): the button, or Shift pressed three times within two seconds,
  // replaces this page in the history so Back does not return to it. Any other key in
  // between starts the count again, so typing capital letters never leaves the page.
  function leave(url) {
    document.body.hidden = true;
    window.location.replace(url);
  }

  document.addEventListener("click", function (event) {
    const link = event.target.closest("[data-quick-exit]");
    if (link) {
      event.preventDefault();
      leave(link.href);
    }
  });

  let shiftPresses = [];
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") {
      shiftPresses = [];
      return;
    }
    if (event.repeat) return;
    const now = Date.now();
    shiftPresses = shiftPresses.filter(function (t) { return now - t < 2000; });
    shiftPresses.push(now);
    if (shiftPresses.length >= 3) {
      const link = document.querySelector("[data-quick-exit]");
      if (link) leave(link.href);
    }
  });

  // Read-only fields holding a link or a token: select all on focus, ready to copy.
  document.addEventListener("focusin", function (event) {
    if (event.target.matches("[data-select-on-focus]")) event.target.select();
  });

  // Installable on a phone's home screen: the service worker shows an offline page instead
  // of the browser's error, and never stores a page (templates/core/sw.js).
  if ("serviceWorker" in navigator && window.isSecureContext) {
    window.addEventListener("load", function () {
      navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {});
    });
  }
})();

// The message coach offers a gentler wording: "Use this wording" puts it in the box.
document.addEventListener("click", function (event) {
  const button = event.target.closest("[data-coach-use]");
  if (!button) return;
  const feedback = button.closest(".coach-feedback");
  const box = feedback && feedback.previousElementSibling;
  if (box && box.tagName === "TEXTAREA") {
    box.value = button.dataset.coachUse;
    box.focus();
    feedback.textContent = "";
  }
});

// A starter to choose or adapt: "Ways to begin" puts its words in the box, to finish.
document.addEventListener("click", function (event) {
  const button = event.target.closest("[data-fill]");
  if (!button) return;
  const form = button.closest("form");
  const box = form && form.querySelector("textarea");
  if (!box) return;
  box.value = button.dataset.fill.replace(/…$/, "");
  const starter = form.querySelector("input[name=starter]");
  if (starter) starter.value = button.dataset.fillId || "";
  box.focus();
  box.setSelectionRange(box.value.length, box.value.length);
});

// Keyboard (issue 11). The header is sticky, so the browser is told its height: a control
// reached with Tab or Shift+Tab then scrolls clear of it (scroll-padding-top, hearth.css).
(function () {
  "use strict";
  const header = document.querySelector(".site-header");
  if (!header) return;
  function measure() {
    document.documentElement.style.setProperty("--header-height", header.offsetHeight + "px");
  }
  measure();
  if ("ResizeObserver" in window) new ResizeObserver(measure).observe(header);
})();

// When htmx replaces the part of the page that held focus (an answer shared, an invite
// made), focus would fall back to the page itself and a keyboard or screen-reader user
// would lose their place: it goes to the new content's heading instead.
(function () {
  "use strict";
  let lostFrom = null;
  document.addEventListener("htmx:beforeSwap", function (event) {
    const target = event.detail.target;
    const active = document.activeElement;
    lostFrom = target && target.id && active && active !== document.body && target.contains(active)
      ? target.id : null;
  });
  document.addEventListener("htmx:afterSettle", function () {
    const id = lostFrom;
    lostFrom = null;
    if (!id || (document.activeElement && document.activeElement !== document.body)) return;
    const swapped = document.getElementById(id);
    if (!swapped) return;
    const landing = swapped.querySelector("h1, h2, h3") || swapped;
    if (!landing.hasAttribute("tabindex")) landing.setAttribute("tabindex", "-1");
    landing.focus();
  });
})();
