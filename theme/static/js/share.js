/* Akhbar article page: the "copy link" button. Without this script the button
 * stays hidden and the share links work on their own. It copies the article's
 * public address (also from a page opened from disk) and says so in the
 * page's live region; where the clipboard is refused, the live region shows
 * the address instead.
 */
(function () {
  "use strict";

  // The old way, for a browser without the asynchronous clipboard (http://, older WebViews).
  function copyBySelection(text) {
    const field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.style.position = "fixed";
    field.style.opacity = "0";
    document.body.append(field);
    field.select();
    let copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    field.remove();
    return copied;
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(() => true, () => copyBySelection(text));
    }
    return Promise.resolve(copyBySelection(text));
  }

  for (const button of document.querySelectorAll(".copy-link")) {
    const status = button.closest(".share").querySelector(".share-status");
    button.hidden = false;
    button.addEventListener("click", () => {
      status.textContent = "";
      copy(button.dataset.url).then((copied) => {
        status.textContent = copied ? button.dataset.copied : button.dataset.failed;
      });
    });
  }
})();
