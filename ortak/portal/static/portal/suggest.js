// The keyboard for the header search box's suggestions (drawn by htmx as one types):
// Arrow Down and Arrow Up move through the suggested links, Arrow Up from the first goes
// back to the box, Escape closes the suggestions and returns to the box, and they close
// when the focus leaves the form. Without JavaScript the box is a plain form to /search/.
(function () {
  "use strict";

  function keyboard(form) {
    var input = form.querySelector("input[type=search]");
    var box = form.querySelector(".suggest");
    if (!input || !box) {
      return;
    }

    function links() {
      return Array.prototype.slice.call(box.querySelectorAll("a[href]"));
    }

    function close() {
      box.replaceChildren();
    }

    function move(step) {
      var items = links();
      if (!items.length) {
        return false;
      }
      var next = items.indexOf(document.activeElement) + step;
      if (next < 0) {
        input.focus();
      } else {
        items[Math.min(next, items.length - 1)].focus();
      }
      return true;
    }

    form.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (move(event.key === "ArrowDown" ? 1 : -1)) {
          event.preventDefault();
        }
      } else if (event.key === "Escape" && box.firstElementChild) {
        // Closes the suggestions; a second Escape clears the box, as browsers do.
        event.preventDefault();
        close();
        input.focus();
      }
    });

    form.addEventListener("focusout", function (event) {
      if (!form.contains(event.relatedTarget)) {
        close();
      }
    });
  }

  document.querySelectorAll("form.search").forEach(keyboard);
})();
