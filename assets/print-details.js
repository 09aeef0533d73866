// Browsers without ::details-content styling: open every closed <details> for printing and
// close them again afterwards, so the printed report keeps its definitions.
window.addEventListener("beforeprint", function () {
  document.querySelectorAll("details:not([open])").forEach(function (d) {
    d.dataset.openedForPrint = "1";
    d.open = true;
  });
});
window.addEventListener("afterprint", function () {
  document.querySelectorAll("details[data-opened-for-print]").forEach(function (d) {
    delete d.dataset.openedForPrint;
    d.open = false;
  });
});
