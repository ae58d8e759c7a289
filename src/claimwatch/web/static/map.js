/* The map: Leaflet with an offline Natural Earth basemap (no tile server), claims and estimates as
   circle markers, filterable by event type and date range. Popups are built with textContent. */
(function () {
  "use strict";
  var el = document.getElementById("map");
  if (!el || !window.L) return;
  var map = L.map(el, { worldCopyJump: true, minZoom: 2, maxZoom: 12, zoomSnap: 0.5 }).setView([48.5, 25], 4);
  map.attributionControl.addAttribution("Natural Earth (public domain)");
  var claimsLayer = L.layerGroup().addTo(map), estimatesLayer = L.layerGroup().addTo(map);
  var status = document.getElementById("map-count");
  var form = document.getElementById("map-filters");

  fetch(el.getAttribute("data-basemap"), { credentials: "same-origin" })
    .then(function (r) { return r.json(); })
    .then(function (fc) {
      L.geoJSON(fc, { interactive: false, style: { color: "#8c8c8c", weight: 0.6, fillColor: "#f2efe6", fillOpacity: 1 } })
        .addTo(map).bringToBack();
      el.setAttribute("data-basemap-loaded", String(fc.features.length));
    });

  function popup(rows) {
    var dl = document.createElement("dl");
    dl.className = "map-popup";
    rows.forEach(function (r) {
      if (r[1] === null || r[1] === undefined || r[1] === "") return;
      var dt = document.createElement("dt"), dd = document.createElement("dd");
      dt.textContent = r[0];
      if (r[2]) { var a = document.createElement("a"); a.href = r[2]; a.textContent = String(r[1]); dd.appendChild(a); }
      else dd.textContent = String(r[1]);
      dl.appendChild(dt); dl.appendChild(dd);
    });
    return dl;
  }

  function params() {
    var p = new URLSearchParams();
    ["event_type", "since", "until"].forEach(function (n) { var v = form.elements[n].value; if (v) p.set(n, v); });
    return p.toString();
  }

  function load() {
    var qs = params(), counts = { claims: 0, estimates: 0 };
    claimsLayer.clearLayers(); estimatesLayer.clearLayers();
    var jobs = [];
    if (form.elements.claims.checked) {
      jobs.push(fetch("/api/map/claims?" + qs, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (fc) {
        (fc.features || []).forEach(function (f) {
          var p = f.properties, c = f.geometry.coordinates;
          L.circleMarker([c[1], c[0]], { radius: 6, color: "#1c6dd0", weight: 1, fillOpacity: 0.6 })
            .bindPopup(popup([["claim", p.uid, "/articles/" + encodeURIComponent(p.article_id) + "#claim-" + encodeURIComponent(p.claim_id)],
              ["event", p.event_type], ["figure", p.best !== null ? p.best + " " + (p.unit || "") : null],
              ["source", p.source_canonical || p.source_name || "author"], ["place", p.place + " (" + p.place_role + ")"],
              ["date", p.time_start || p.published], ["text", p.text]]))
            .addTo(claimsLayer);
          counts.claims++;
        });
      }));
    }
    if (form.elements.estimates.checked) {
      jobs.push(fetch("/api/map/estimates?" + qs, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (fc) {
        (fc.features || []).forEach(function (f) {
          var p = f.properties, c = f.geometry.coordinates;
          L.circleMarker([c[1], c[0]], { radius: 9, color: "#c92a2a", weight: 2, fillOpacity: 0.25 })
            .bindPopup(popup([["estimate", p.id, "/estimates/" + encodeURIComponent(p.id)], ["event", p.event_type],
              ["best", p.best], ["range", p.low + " – " + p.high], ["status", p.status], ["place", p.place], ["why", p.explanation]]))
            .addTo(estimatesLayer);
          counts.estimates++;
        });
      }));
    }
    Promise.all(jobs).then(function () {
      status.textContent = counts.claims + " located claims, " + counts.estimates + " located estimates";
      el.setAttribute("data-markers", String(counts.claims + counts.estimates));
    });
  }
  form.addEventListener("submit", function (ev) { ev.preventDefault(); load(); });
  load();
})();
