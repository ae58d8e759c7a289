/* claimwatch pages: navigation, highlights <-> claim cards, Prodigy-like review (optimistic focus,
   one action per card per keypress, undo, progress), adding what the machine missed, export links.
   Same-origin script only (CSP). Untrusted text is only ever inserted with textContent; cards are
   re-rendered from the server's own (autoescaped) card template. */
(function () {
  "use strict";

  function $all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  var isReview = document.body.classList.contains("page-review");
  var isArticle = document.body.classList.contains("page-article");

  // ---- navigation: collapsible on small screens ----------------------------------------------
  var toggle = document.querySelector(".nav-toggle");
  if (toggle) {
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      document.querySelector("nav.top").classList.toggle("open", open);
    });
  }

  // ---- article page: highlights and claim cards ------------------------------------------------
  function cardFor(id) { return document.getElementById("claim-" + id); }
  function activateClaims(ids, scrollCard) {
    $all(".hl.active, .claim-card.active").forEach(function (el) { el.classList.remove("active"); });
    ids.forEach(function (id, i) {
      $all('.article-body .hl[data-claims~="' + CSS.escape(id) + '"]').forEach(function (el) { el.classList.add("active"); });
      var card = cardFor(id);
      if (card) {
        card.classList.add("active");
        if (scrollCard && i === 0) { card.scrollIntoView({ block: "nearest" }); card.focus({ preventScroll: true }); }
      }
    });
  }
  function openHighlight(hl) {
    activateClaims((hl.getAttribute("data-claims") || "").split(/\s+/).filter(Boolean), true);
  }

  document.addEventListener("click", function (ev) {
    if (!ev.target.closest) return;
    var hl = ev.target.closest(".article-body .hl");
    if (hl) { openHighlight(hl); return; }
    var link = ev.target.closest("a.inherited-link");
    if (link) {
      var target = document.getElementById((link.getAttribute("href") || "").slice(1));
      if (target) {
        ev.preventDefault();
        target.scrollIntoView({ block: "center" });
        target.classList.add("flash");
        target.focus({ preventScroll: true });
        setTimeout(function () { target.classList.remove("flash"); }, 1500);
      }
      return;
    }
    var card = ev.target.closest(".page-article .claim-card");
    if (card && !ev.target.closest("form")) {
      activateClaims([card.getAttribute("data-claim")], false);
      var first = document.querySelector('.article-body .hl[data-claims~="' + CSS.escape(card.getAttribute("data-claim")) + '"]');
      if (first) first.scrollIntoView({ block: "center" });
    }
  });
  if (isArticle && location.hash.indexOf("#claim-") === 0) {
    activateClaims([decodeURIComponent(location.hash.slice(7))], true);
  }

  // ---- the text selection (new claims, "as written" fields) -----------------------------------
  var body = document.getElementById("article-body");
  var lastSelection = null;
  function selectionInBody() {
    var sel = window.getSelection();
    if (!body || !sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    var range = sel.getRangeAt(0);
    if (!body.contains(range.startContainer) || !body.contains(range.endContainer)) return null;
    var pre = document.createRange();
    pre.selectNodeContents(body);
    pre.setEnd(range.startContainer, range.startOffset);
    var start = pre.toString().length, text = range.toString();
    if (!text.trim()) return null;
    return { text: text, start: start, end: start + text.length, at: Date.now() };
  }
  if (body) {
    document.addEventListener("selectionchange", function () {
      var s = selectionInBody();
      if (s) lastSelection = s;
      var open = document.getElementById("new-claim-open");
      if (open) open.hidden = !s;
    });
  }
  // an empty "as written" field takes the words just selected in the article
  document.addEventListener("focusin", function (ev) {
    var el = ev.target;
    if (!el.classList || !el.classList.contains("as-written") || el.value || !lastSelection) return;
    if (Date.now() - lastSelection.at > 60000) return;
    el.value = lastSelection.text;
    el.setAttribute("data-span", lastSelection.start + " " + lastSelection.end);
  });

  // ---- talking to the API --------------------------------------------------------------------
  function post(url, payload) {
    return fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify(payload)
    }).then(function (resp) {
      return resp.json().then(function (data) { return { ok: resp.ok, data: data }; },
        function () { return { ok: false, data: { error: { message: "HTTP " + resp.status } } }; });
    });
  }
  function errorText(data) {
    var e = (data && data.error) || {};
    return (e.message || "error") + (e.code ? " (" + e.code + ")" : "");
  }
  function say(card, text, ok, links) {
    var msg = card && card.querySelector(".review-msg");
    if (!msg) return;
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
  function outcome(data) {
    var est = data.estimates || {}, claim = data.claim || {};
    var state = claim.review || "undone";
    if (est.error) return { text: "Saved (" + state + "), but the estimates were not updated: " + est.error, ok: false };
    if (est.updated && est.updated.length) return { text: "Saved (" + state + " by " + data.who + "). Estimates updated:", ok: true, links: est.updated };
    return { text: "Saved (" + state + " by " + data.who + ").", ok: true };
  }

  // every field of a card re-rendered from the server's answer: the card template, swapped in
  function rerender(card, uid, note) {
    var ctx = card.closest(".queue") ? "queue" : "article";
    return fetch("/claims/" + encodeURIComponent(uid) + "/card?context=" + ctx, { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(new Error("HTTP " + r.status)); })
      .then(function (html) {
        var holder = document.createElement("div");
        holder.innerHTML = html.trim();
        var fresh = holder.firstElementChild;
        if (!fresh) return card;
        var hadFocus = card.contains(document.activeElement);
        ["current", "active"].forEach(function (c) { if (card.classList.contains(c)) fresh.classList.add(c); });
        card.replaceWith(fresh);
        if (hadFocus) fresh.focus({ preventScroll: true });
        if (note) say(fresh, note.text, note.ok, note.links);
        return fresh;
      });
  }

  // ---- review: one action per card per keypress, focus moves at once, undo ---------------------
  var undoStack = [];
  var progress = document.getElementById("progress");
  function bumpProgress(delta) {
    if (!progress) return;
    var done = Math.max(0, Number(progress.getAttribute("data-done")) + delta);
    progress.setAttribute("data-done", String(done));
    progress.textContent = done + " of " + progress.getAttribute("data-total") + " reviewed";
  }
  function showPosition(card) {
    var pos = document.getElementById("position");
    if (!pos || !progress) return;
    var i = cards().indexOf(card);
    pos.textContent = i < 0 ? "" : "claim " + (Number(progress.getAttribute("data-offset")) + i + 1) + " of " + progress.getAttribute("data-total");
  }

  function act(card, action) {
    if (!card || card.getAttribute("data-pending")) return;  // one action per card at a time
    var uid = card.getAttribute("data-uid");
    card.setAttribute("data-pending", action);
    card.classList.add("pending");
    var badge = card.querySelector(".badge.status");
    if (badge) badge.textContent = action === "accept" ? "accepting…" : "rejecting…";
    focusCard(1, card);  // optimistic: the next card has the focus before the server answers
    var job = post("/api/claims/" + encodeURIComponent(uid) + "/review", { action: action }).then(function (r) {
      card.removeAttribute("data-pending");
      card.classList.remove("pending");
      if (!r.ok) {
        if (badge) badge.textContent = card.getAttribute("data-state") || "unreviewed";
        say(card, "Not saved: " + errorText(r.data), false);
        card.classList.add("failed");
        return null;
      }
      bumpProgress(1);
      rerender(card, uid, outcome(r.data));
      return { uid: uid, revision: r.data.revision };
    }, function (err) {
      card.removeAttribute("data-pending");
      card.classList.remove("pending");
      say(card, "Not saved: " + err, false);
      return null;
    });
    undoStack.push(job);
  }

  function undo() {
    var job = undoStack.pop();
    if (!job) { announce("Nothing to undo."); return; }
    job.then(function (done) {
      if (!done) { announce("The last action was not saved; nothing to undo."); return; }
      var card = document.querySelector('.claim-card[data-uid="' + CSS.escape(done.uid) + '"]');
      return post("/api/claims/" + encodeURIComponent(done.uid) + "/undo", { revision: done.revision }).then(function (r) {
        if (!r.ok) { say(card, "Not undone: " + errorText(r.data), false); return; }
        bumpProgress(-1);
        if (card) {
          rerender(card, done.uid, { text: "Undone: back to " + ((r.data.claim && r.data.claim.review) || "unreviewed") + ".", ok: true })
            .then(function (fresh) { focusCard(0, fresh); });
        }
      });
    });
  }

  function announce(text) {
    var live = document.getElementById("position") || document.querySelector(".review-msg");
    if (live) live.textContent = text;
  }

  function setPath(obj, path, value) {
    var parts = path.split("."), cur = obj;
    for (var i = 0; i < parts.length - 1; i++) { cur[parts[i]] = cur[parts[i]] || {}; cur = cur[parts[i]]; }
    cur[parts[parts.length - 1]] = value;
  }
  function changesOf(form) {
    var changes = {}, n = 0;
    $all("input[name], select[name]", form).forEach(function (el) {
      var orig = el.getAttribute("data-orig");
      if (orig === null || el.value === orig || el.name.indexOf("place.") === 0) return;
      var v = el.value;
      if (el.getAttribute("data-type") === "number") v = (v === "" ? null : Number(v));
      else if (v === "") v = null;
      setPath(changes, el.name, v);
      var span = el.getAttribute("data-span");
      if (span && v !== null) setPath(changes, el.name.replace(/\.(text|name)$/, ".span"), span.split(" ").map(Number));
      n++;
    });
    // a new number or date carries its qualifier / precision as chosen
    if (changes.quantity && changes.quantity.text) changes.quantity.qualifier = form.elements["quantity.qualifier"].value;
    if (changes.time && changes.time.text && form.elements["time.precision"]) changes.time.precision = form.elements["time.precision"].value;
    return n ? changes : null;
  }

  function correct(form, changes) {
    var card = form.closest(".claim-card"), uid = form.getAttribute("data-uid");
    changes = changes || changesOf(form);
    if (!changes) { say(card, "Nothing changed: edit a field first.", false); return; }
    if (card.getAttribute("data-pending")) return;
    card.setAttribute("data-pending", "correct");
    say(card, "Saving…", true);
    var job = post("/api/claims/" + encodeURIComponent(uid) + "/review", { action: "correct", changes: changes }).then(function (r) {
      card.removeAttribute("data-pending");
      if (!r.ok) { say(card, "Not saved: " + errorText(r.data), false); return null; }
      bumpProgress(1);
      rerender(card, uid, outcome(r.data)).then(function (fresh) { if (isReview) focusCard(1, fresh); });
      return { uid: uid, revision: r.data.revision };
    });
    undoStack.push(job);
  }

  function addPlace(form) {
    var picker = form.querySelector("[data-role=place-picker]");
    var written = form.elements["place.text"];
    var entry = picker && picker._entries ? picker._entries[picker.value] : null;
    var text = (written && written.value) || (entry ? entry.name : picker.value);
    if (!text) { say(form.closest(".claim-card"), "Type a place first.", false); return; }
    var place = { text: text, role: form.elements["place.role"].value };
    if (written && written.getAttribute("data-span") && written.value) place.span = written.getAttribute("data-span").split(" ").map(Number);
    if (entry) { place.name = entry.name; place.country = entry.country; place.lat = entry.lat; place.lon = entry.lon;
      place.feature = entry.feature; place.geonameid = entry.geonameid; }
    var places = JSON.parse(form.getAttribute("data-places") || "[]");
    places.push(place);
    correct(form, { places: places });
  }

  // place picker: gazetteer names as you type
  var pickTimer = null;
  document.addEventListener("input", function (ev) {
    var el = ev.target;
    if (!el.matches || !el.matches("[data-role=place-picker]")) return;
    clearTimeout(pickTimer);
    pickTimer = setTimeout(function () {
      if (el.value.length < 2) return;
      fetch("/api/places?limit=10&q=" + encodeURIComponent(el.value), { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : { items: [] }; })
        .then(function (data) {
          var list = document.getElementById(el.getAttribute("list"));
          if (!list) return;
          el._entries = el._entries || {};
          list.textContent = "";
          data.items.forEach(function (p) {
            var label = p.name + (p.country ? ", " + p.country : "") + " (" + p.feature + ")";
            var opt = document.createElement("option");
            opt.value = label;
            el._entries[label] = p;
            list.appendChild(opt);
          });
        });
    }, 150);
  });

  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    if (!form.classList) return;
    if (form.classList.contains("review-form")) { ev.preventDefault(); correct(form); }
    else if (form.id === "new-claim") { ev.preventDefault(); createClaim(form); }
  });
  document.addEventListener("click", function (ev) {
    var btn = ev.target.closest ? ev.target.closest("button[data-action], #new-claim-open") : null;
    if (!btn) return;
    if (btn.id === "new-claim-open") { openNewClaim(); return; }
    var action = btn.getAttribute("data-action");
    if (action === "cancel-new") { document.getElementById("new-claim").hidden = true; return; }
    var form = btn.closest(".review-form");
    if (!form || btn.type === "submit") return;
    ev.preventDefault();
    if (action === "add-place") addPlace(form);
    else act(form.closest(".claim-card"), action);
  });

  // ---- a new claim from the selection ----------------------------------------------------------
  var pendingSelection = null;
  function openNewClaim() {
    var form = document.getElementById("new-claim");
    var s = selectionInBody() || lastSelection;
    if (!form || !s) return;
    pendingSelection = s;
    document.getElementById("new-claim-text").textContent = s.text;
    form.hidden = false;
    form.querySelector("select, input").focus();
  }
  function createClaim(form) {
    if (!pendingSelection) return;
    var payload = { span: [pendingSelection.start, pendingSelection.end] };
    $all("input[name], select[name]", form).forEach(function (el) {
      if (el.value === "" || (el.name === "source.type" && !form.elements["source.name"].value)) return;
      setPath(payload, el.name, el.getAttribute("data-type") === "number" ? Number(el.value) : el.value);
    });
    if (payload.quantity && payload.quantity.best === undefined) delete payload.quantity;
    var msg = form.querySelector(".review-msg");
    post("/api/articles/" + encodeURIComponent(form.getAttribute("data-article")) + "/claims", payload).then(function (r) {
      if (!r.ok) { msg.textContent = "Not created: " + errorText(r.data); msg.className = "review-msg err"; return; }
      msg.textContent = "Created " + r.data.claim.id + " (" + r.data.claim.text + ").";
      msg.className = "review-msg ok";
      var list = document.getElementById("claim-list"), holder = document.createElement("article");
      list.insertBefore(holder, list.firstChild);
      rerender(holder, r.data.claim.uid, { text: "New claim, saved by " + r.data.who + ".", ok: true });
    });
  }

  // ---- keyboard --------------------------------------------------------------------------------
  function cards() { return $all(".claim-card"); }
  function currentCard() {
    return document.activeElement && document.activeElement.closest ? document.activeElement.closest(".claim-card") : null;
  }
  function focusCard(step, from) {
    var list = cards(); if (!list.length) return;
    var i = list.indexOf(from || currentCard());
    var j = i < 0 ? 0 : i + step;
    $all(".claim-card.current").forEach(function (c) { c.classList.remove("current"); });
    if (j >= list.length) {  // past the last card: nothing left in focus to act on by accident
      var end = document.getElementById("queue-end");
      if (end) { end.focus(); showPosition(null); return; }
      j = list.length - 1;
    }
    var next = list[Math.max(0, j)];
    next.classList.add("current");
    next.focus(); next.scrollIntoView({ block: "nearest" });
    showPosition(next);
    if (isArticle) activateClaims([next.getAttribute("data-claim")], false);
  }
  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var t = ev.target, tag = (t.tagName || "").toLowerCase();
    if (tag === "input" || tag === "select" || tag === "textarea") {
      if (ev.key === "Escape") { var c = t.closest(".claim-card"); if (c) c.focus(); return; }
      // Enter saves from any field of a correction (selects and date fields included)
      if (ev.key === "Enter" && tag !== "textarea" && t.form && t.form.classList.contains("review-form")
          && !t.matches("[data-role=place-picker]")) {
        ev.preventDefault();
        correct(t.form);
      }
      return;
    }
    if ((ev.key === "Enter" || ev.key === " ") && t.classList && t.classList.contains("hl")) {
      ev.preventDefault(); openHighlight(t); return;
    }
    if (ev.key === "n" && isArticle) { if (selectionInBody() || lastSelection) { ev.preventDefault(); openNewClaim(); } return; }
    if (!cards().length) return;
    var card = currentCard(), form = card ? card.querySelector(".review-form") : null;
    switch (ev.key) {
      case "j": focusCard(1); break;
      case "k": focusCard(-1); break;
      case "a": if (form) act(card, "accept"); break;
      case "r": if (form) act(card, "reject"); break;
      case "u": undo(); break;
      case "c": if (form) { var first = form.querySelector("input, select"); if (first) { first.focus(); if (first.select) first.select(); } } break;
      case "o": if (card) { var link = card.querySelector("a.from"); if (link) location.href = link.href; } break;
      default: return;
    }
    ev.preventDefault();
  });
  if (isReview && document.body.classList.contains("one-at-a-time") && cards().length) focusCard(0, cards()[0]);

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
