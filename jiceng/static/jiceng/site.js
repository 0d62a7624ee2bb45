// Site-wide behaviour without inline scripts (the Content-Security-Policy allows none).
document.addEventListener("change", (event) => {
  const el = event.target;
  if (el.classList && el.classList.contains("js-autosubmit") && el.form) {
    el.form.submit();
  }
});
document.addEventListener("htmx:configRequest", (event) => {
  const token = document.querySelector("input[name=csrfmiddlewaretoken]");
  if (token) {
    event.detail.headers["X-CSRFToken"] = token.value;
  }
});
// Keyboard-first entry: Enter records, Shift+Enter starts a new line.
document.addEventListener("keydown", (event) => {
  const el = event.target;
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing && el.dataset && el.dataset.enterSubmits && el.form) {
    event.preventDefault();
    el.form.requestSubmit();
  }
});
