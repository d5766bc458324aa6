// The private edit link carries its code after "#", which browsers never send to a server,
// so it is in no access log. This script takes the code from the address, removes it from
// the address (and from the browser's history) and sends it in the body of a POST.
// Without JavaScript the reader pastes the code into the form.
(function () {
  "use strict";
  const form = document.getElementById("claim-form");
  if (!form) return;
  const code = decodeURIComponent(window.location.hash.slice(1));
  if (!code) return;
  window.history.replaceState(null, "", window.location.pathname + window.location.search);
  form.querySelector("[name=token]").value = code;
  form.submit();
})();
