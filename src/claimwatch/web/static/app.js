/* claimwatch pages: highlights <-> claim cards, review actions, keyboard shortcuts, export links.
   Same-origin script only (CSP). Untrusted text is only ever inserted with textContent. */
(function () {
  "use strict";

  function $all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }

  // ---- article page: highlights and claim cards --------------------------------------------
  function activateClaims(ids, scrollCard) {
    $all(".hl.active, .claim-card.active").forEach(function (el) { el.classList.remove("active"); });
    ids.forEach(function (id, i) {
      $all('.hl[data-claims~="' + CSS.escape(id) + '"]').forEach(function (el) { el.classList.add("active"); });
      var card = document.getElementById("claim-" + id);
      if (card) {
        card.classList.add("active");
        if (scrollCard && i === 0) { card.scrollIntoView({ block: "nearest" }); card.focus({ preventScroll: true }); }
      }
    });
  }

  document.addEventListener("click", function (ev) {
    var hl = ev.target.closest ? ev.target.closest(".article-body .hl") : null;
    if (hl) {
      activateClaims((hl.getAttribute("data-claims") || "").split(/\s+/).filter(Boolean), true);
      return;
    }
    var card = ev.target.closest ? ev.target.closest(".page-article .claim-card") : null;
    if (card && !ev.target.closest("form")) {
      activateClaims([card.getAttribute("data-claim")], false);
      var first = document.querySelector('.hl[data-claims~="' + CSS.escape(card.getAttribute("data-claim")) + '"]');
      if (first) first.scrollIntoView({ block: "center" });
    }
  });

  if (location.hash.indexOf("#claim-") === 0) {
    activateClaims([decodeURIComponent(location.hash.slice(7))], true);
  }

  // ---- review actions ------------------------------------------------------------------------
  function setPath(obj, path, value) {
    var parts = path.split("."), cur = obj;
    for (var i = 0; i < parts.length - 1; i++) { cur[parts[i]] = cur[parts[i]] || {}; cur = cur[parts[i]]; }
    cur[parts[parts.length - 1]] = value;
  }

  function changesOf(form) {
    var changes = {}, n = 0;
    $all("input[name], select[name]", form).forEach(function (el) {
      var orig = el.getAttribute("data-orig");
      if (orig === null || el.value === orig) return;
      var v = el.value;
      if (el.getAttribute("data-type") === "number") v = (v === "" ? null : Number(v));
      else if (v === "") v = null;
      setPath(changes, el.name, v);
      n++;
    });
    return n ? changes : null;
  }

  function say(form, text, ok, links) {
    var msg = form.querySelector(".review-msg");
    msg.textContent = text;
    msg.className = "review-msg " + (ok ? "ok" : "err");
    (links || []).forEach(function (id, i) {
      msg.appendChild(document.createTextNode(i ? ", " : " "));
      var a = document.createElement("a");
      a.href = "/estimates/" + encodeURIComponent(id);
      a.textContent = id;
      a.className = "estimate-link";
      msg.appendChild(a);
    });
  }

  function applyResult(card, claim) {
    card.classList.remove("review-none", "review-accepted", "review-corrected", "review-rejected");
    card.classList.add("review-" + claim.review);
    var badge = card.querySelector(".badge.status");
    if (badge) badge.textContent = claim.review;
    var best = card.querySelector(".f-quantity .best");
    if (best && claim.quantity) best.textContent = claim.quantity.best === null ? "–" : Number(claim.quantity.best).toLocaleString("en-US");
    $all("input[name], select[name]", card).forEach(function (el) { el.setAttribute("data-orig", el.value); });
  }

  function review(form, action) {
    var uid = form.getAttribute("data-uid");
    var body = { action: action };
    if (action === "correct") {
      body.changes = changesOf(form);
      if (!body.changes) { say(form, "Nothing changed: edit a field first.", false); return; }
    }
    say(form, "Saving…", true);
    fetch("/api/claims/" + encodeURIComponent(uid) + "/review", {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify(body)
    }).then(function (resp) {
      return resp.json().then(function (data) { return { ok: resp.ok, data: data }; });
    }).then(function (r) {
      if (!r.ok) {
        var e = (r.data && r.data.error) || {};
        say(form, "Not saved: " + (e.message || "error") + (e.code ? " (" + e.code + ")" : ""), false);
        return;
      }
      var card = form.closest(".claim-card");
      applyResult(card, r.data.claim);
      var est = r.data.estimates || {};
      if (est.error) say(form, "Saved (" + r.data.claim.review + "), but the estimates were not updated: " + est.error, false);
      else if (est.updated && est.updated.length) say(form, "Saved (" + r.data.claim.review + " by " + r.data.who + "). Estimates updated:", true, est.updated);
      else say(form, "Saved (" + r.data.claim.review + " by " + r.data.who + ").", true);
      if (document.body.classList.contains("page-review")) focusCard(1, card);
    }).catch(function (err) { say(form, "Not saved: " + err, false); });
  }

  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    if (!form.classList || !form.classList.contains("review-form")) return;
    ev.preventDefault();
    review(form, "correct");
  });
  document.addEventListener("click", function (ev) {
    var btn = ev.target.closest ? ev.target.closest(".review-form button[data-action]") : null;
    if (!btn || btn.type === "submit") return;
    ev.preventDefault();
    review(btn.closest(".review-form"), btn.getAttribute("data-action"));
  });

  // ---- keyboard shortcuts --------------------------------------------------------------------
  function cards() { return $all(".claim-card"); }
  function currentCard() {
    return document.activeElement && document.activeElement.closest ? document.activeElement.closest(".claim-card") : null;
  }
  function focusCard(step, from) {
    var list = cards(); if (!list.length) return;
    var i = list.indexOf(from || currentCard());
    var next = list[Math.max(0, Math.min(list.length - 1, i < 0 ? 0 : i + step))];
    next.focus(); next.scrollIntoView({ block: "nearest" });
    if (document.body.classList.contains("page-article")) activateClaims([next.getAttribute("data-claim")], false);
  }
  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var tag = (ev.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "select" || tag === "textarea") {
      if (ev.key === "Escape") { var c = ev.target.closest(".claim-card"); if (c) c.focus(); }
      return;
    }
    if (!cards().length) return;
    var card = currentCard(), form = card ? card.querySelector(".review-form") : null;
    switch (ev.key) {
      case "j": focusCard(1); break;
      case "k": focusCard(-1); break;
      case "a": if (form) review(form, "accept"); break;
      case "r": if (form) review(form, "reject"); break;
      case "c": if (form) { var first = form.querySelector("input, select"); if (first) { first.focus(); if (first.select) first.select(); } } break;
      case "o": if (card) { var link = card.querySelector("a.from"); if (link) location.href = link.href; } break;
      default: return;
    }
    ev.preventDefault();
  });

  // ---- export links follow the filters -------------------------------------------------------
  var ef = document.getElementById("export-filters");
  if (ef) {
    var update = function () {
      var params = new URLSearchParams();
      $all("input[name], select[name]", ef).forEach(function (el) { if (el.value) params.set(el.name, el.value); });
      var qs = params.toString();
      $all("a.export-link").forEach(function (a) { a.href = a.getAttribute("data-base") + (qs ? "?" + qs : ""); });
    };
    ef.addEventListener("change", update);
    update();
  }
})();
