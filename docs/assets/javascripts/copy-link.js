// "Copy link" buttons next to page addresses (For clinicians page).
// A button is <button data-copy-link="ADDRESS">, followed by an aria-live status element
// that says the result out loud and on screen. One listener on the document handles every
// button, so it keeps working after Material's instant navigation swaps the page content.
(function () {
  "use strict";
  if (window.__copyLinkReady) return;
  window.__copyLinkReady = true;

  // Fallback for browsers without the async Clipboard API (or without permission).
  function copyBySelection(text) {
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.style.position = "fixed";
    field.style.opacity = "0";
    document.body.appendChild(field);
    field.select();
    var done = false;
    try {
      done = document.execCommand("copy");
    } catch (error) {
      done = false;
    }
    field.remove();
    return done ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () {
        return copyBySelection(text);
      });
    }
    return copyBySelection(text);
  }

  function statusFor(button) {
    var next = button.nextElementSibling;
    return next && next.getAttribute("role") === "status" ? next : null;
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-copy-link]");
    if (!button) return;
    var address = button.getAttribute("data-copy-link");
    var status = statusFor(button);
    copy(address).then(
      function () {
        if (status) status.textContent = "Link copied";
        button.setAttribute("data-copied", "");
      },
      function () {
        if (status) status.textContent = "Could not copy: select the address and copy it";
      }
    );
    // Clear the message later, so copying again is announced again.
    window.clearTimeout(button.__copyTimer);
    button.__copyTimer = window.setTimeout(function () {
      if (status) status.textContent = "";
      button.removeAttribute("data-copied");
    }, 4000);
  });
})();
