// claimledger workbench: small progressive enhancements; every page works without them.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // Filters: apply a select's choice at once, and drop empty fields from the URL.
  for (const form of document.querySelectorAll("form.filters")) {
    for (const select of form.querySelectorAll("select")) {
      select.addEventListener("change", () => form.requestSubmit());
    }
    form.addEventListener("submit", () => {
      for (const field of form.querySelectorAll("input, select")) {
        if (field.name && field.value === "") field.disabled = true;
      }
    });
  }

  // Add form: refuse over-large text or files before uploading them.
  const add = document.querySelector("form.add");
  if (add) {
    const error = add.querySelector(".form-error");
    add.addEventListener("submit", (event) => {
      const problems = [];
      const text = add.querySelector("textarea[name=text]");
      const limitText = Number(text.dataset.maxBytes);
      if (new TextEncoder().encode(text.value).length > limitText) {
        problems.push("The pasted text is over 1 MiB; upload it as a file instead.");
      }
      const files = add.querySelector("input[type=file]");
      const limitFile = Number(files.dataset.maxBytes);
      for (const file of files.files) {
        if (file.size > limitFile) problems.push(`${file.name} is over 10 MiB.`);
      }
      if (problems.length) {
        event.preventDefault();
        error.textContent = problems.join(" ");
        error.hidden = false;
      } else {
        add.querySelector("button[type=submit]").textContent = "Adding… (extracting figures)";
      }
    });
  }

  // A figure linked by #claim-N: scroll it into the middle of the view.
  if (location.hash.startsWith("#claim-")) {
    const target = document.getElementById(location.hash.slice(1));
    if (target) target.scrollIntoView({ block: "center" });
  }
});
