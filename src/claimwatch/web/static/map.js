/* The map: Leaflet on an offline Natural Earth basemap (no tile server).
   - claims (blue) and estimates (red) as circles sized by their figure (radius grows with log10 of
     the best figure; the legend shows the scale);
   - a place that stands for an area (country, region, sea... a centroid) is drawn as a dashed
     square, not a dot, so it is not mistaken for a town;
   - markers that would overlap on screen are clustered into one amber disc with their count;
     a click on a cluster zooms into it;
   - the view fits the data; a time range control filters what is shown, and the list beside the
     map names every marker in the range (linked to its claim or estimate).
   Popups and the list are built with textContent only. */
(function () {
  "use strict";
  var el = document.getElementById("map");
  if (!el || !window.L) return;
  var map = L.map(el, { worldCopyJump: true, minZoom: 2, maxZoom: 12, zoomSnap: 0.5 }).setView([48.5, 25], 4);
  map.attributionControl.addAttribution("Natural Earth (public domain)");
  var layer = L.layerGroup().addTo(map);
  var status = document.getElementById("map-count");
  var form = document.getElementById("map-filters");
  var fromEl = document.getElementById("time-from"), toEl = document.getElementById("time-to");
  var timeLabel = document.getElementById("time-label");
  var listEl = document.getElementById("shown-list"), shownCount = document.getElementById("shown-count");
  var items = [], days = [], CLUSTER_PX = 44;
  var POINT_FEATURES = { city: 1, town: 1, village: 1, checkpoint: 1, border: 1, port: 1, airport: 1 };

  fetch(el.getAttribute("data-basemap"), { credentials: "same-origin" })
    .then(function (r) { return r.json(); })
    .then(function (fc) {
      L.geoJSON(fc, { interactive: false, style: { color: "#8c8c8c", weight: 0.6, fillColor: "#f2efe6", fillOpacity: 1 } })
        .addTo(map).bringToBack();
      el.setAttribute("data-basemap-loaded", String(fc.features.length));
    });

  // ---- legend ----------------------------------------------------------------------------------
  var legend = L.control({ position: "bottomleft" });
  legend.onAdd = function () {
    var div = L.DomUtil.create("div", "map-legend");
    div.id = "map-legend";
    function row(cls, text) {
      var p = document.createElement("div"), sw = document.createElement("span");
      sw.className = "sw " + cls;
      p.appendChild(sw); p.appendChild(document.createTextNode(text));
      div.appendChild(p);
    }
    var h = document.createElement("h3"); h.textContent = "Legend"; div.appendChild(h);
    row("claim", "claim (blue)");
    row("estimate", "estimate (red ring)");
    row("centroid", "area centroid (country, region…), not a town");
    row("cluster", "cluster: number of markers");
    var sizes = document.createElement("div");
    sizes.className = "sizes";
    [["s1", "1"], ["s2", "100"], ["s3", "10,000"]].forEach(function (s) {
      var dot = document.createElement("span"); dot.className = s[0];
      sizes.appendChild(dot); sizes.appendChild(document.createTextNode(s[1] + "  "));
    });
    var cap = document.createElement("div"); cap.textContent = "size = figure:";
    div.appendChild(cap); div.appendChild(sizes);
    return div;
  };
  legend.addTo(map);

  function radius(best) {
    var b = Number(best);
    if (!isFinite(b) || b <= 0) return 4;
    return Math.min(22, 4 + 4.5 * Math.log10(1 + b));
  }
  function label(parts) { return parts.filter(function (x) { return x && String(x).trim(); }).join(" · "); }
  function dayOf(s) { return s ? String(s).slice(0, 10) : null; }

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

  function claimItem(f) {
    var p = f.properties, c = f.geometry.coordinates;
    var centroid = p.place_feature && !POINT_FEATURES[p.place_feature];
    return { kind: "claim", lat: c[1], lon: c[0], best: p.best, day: dayOf(p.time_start || p.published), centroid: centroid,
      label: label([p.best !== null ? Number(p.best).toLocaleString("en-US") + " " + (p.unit || "") : "", p.event_type || p.kind, p.place]),
      href: "/articles/" + encodeURIComponent(p.article_id) + "#claim-" + encodeURIComponent(p.claim_id),
      rows: [["claim", p.uid, "/articles/" + encodeURIComponent(p.article_id) + "#claim-" + encodeURIComponent(p.claim_id)],
        ["event", p.event_type], ["figure", p.best !== null ? p.best + " " + (p.unit || "") : null],
        ["source", p.source_canonical || p.source_name || "author"],
        ["place", p.place + " (" + p.place_role + (centroid ? ", centroid of a " + p.place_feature : "") + ")"],
        ["date", p.time_start || p.published], ["text", p.text]] };
  }
  function estimateItem(f) {
    var p = f.properties, c = f.geometry.coordinates;
    var centroid = p.feature && !POINT_FEATURES[p.feature];
    return { kind: "estimate", lat: c[1], lon: c[0], best: p.best, day: dayOf(p.date), centroid: centroid,
      label: label([p.best !== null ? Number(p.best).toLocaleString("en-US") + " " + (p.unit || "") : "", p.event_type, p.place]) + " (estimate)",
      href: "/estimates/" + encodeURIComponent(p.id),
      rows: [["estimate", p.id, "/estimates/" + encodeURIComponent(p.id)], ["event", p.event_type],
        ["best", p.best], ["range", p.low + " – " + p.high], ["status", p.status],
        ["place", p.place + (centroid ? " (centroid of a " + p.feature + ")" : "")], ["date", p.date], ["why", p.explanation]] };
  }

  function inRange(it) {
    if (!days.length) return true;
    var lo = days[Math.min(+fromEl.value, +toEl.value)], hi = days[Math.max(+fromEl.value, +toEl.value)];
    if (+fromEl.value === 0 && +toEl.value === days.length - 1) return true;
    return it.day !== null && it.day >= lo && it.day <= hi;
  }

  function markerFor(it) {
    var color = it.kind === "claim" ? "#1c6dd0" : "#c92a2a";
    var r = radius(it.best), m;
    if (it.centroid) {
      var size = Math.round(2 * r);
      m = L.marker([it.lat, it.lon], { keyboard: true, title: it.label, icon: L.divIcon({
        className: "centroid-icon centroid-" + it.kind + " size-" + Math.min(44, size), iconSize: [size, size] }) });
    } else {
      m = L.circleMarker([it.lat, it.lon], it.kind === "claim"
        ? { radius: r, color: color, weight: 1, fillOpacity: 0.55, className: "marker-claim" }
        : { radius: r, color: color, weight: 2, fillOpacity: 0.2, className: "marker-estimate" });
    }
    return m.bindPopup(popup(it.rows));
  }

  function draw() {
    layer.clearLayers();
    var shown = items.filter(inRange), zoom = map.getZoom(), cells = {}, drawn = 0, clusters = 0;
    shown.forEach(function (it) {
      var pt = map.project([it.lat, it.lon], zoom);
      var key = Math.floor(pt.x / CLUSTER_PX) + ":" + Math.floor(pt.y / CLUSTER_PX);
      (cells[key] = cells[key] || []).push(it);
    });
    Object.keys(cells).forEach(function (key) {
      var group = cells[key];
      if (group.length === 1 || zoom >= map.getMaxZoom()) {
        group.forEach(function (it) { markerFor(it).addTo(layer); drawn++; });
        return;
      }
      var bounds = L.latLngBounds(group.map(function (it) { return [it.lat, it.lon]; }));
      var size = Math.min(48, 22 + 4 * Math.log2(group.length));
      var icon = L.divIcon({ className: "cluster-icon", iconSize: [size, size], html: "" });
      var m = L.marker(bounds.getCenter(), { icon: icon, keyboard: true, title: group.length + " markers: zoom in" });
      m.on("add", function () {
        var e = m.getElement();
        if (!e) return;
        e.textContent = String(group.length);
        e.setAttribute("data-count", String(group.length));
        e.style.lineHeight = Math.round(size - 4) + "px";  // CSSOM, not an inline style attribute (CSP)
      });
      m.on("click", function () {
        if (bounds.getNorthEast().equals(bounds.getSouthWest())) map.setView(bounds.getCenter(), map.getMaxZoom());
        else map.fitBounds(bounds.pad(0.3));
      });
      m.addTo(layer);
      clusters++;
    });
    el.setAttribute("data-markers", String(shown.length));
    el.setAttribute("data-drawn", String(drawn));
    el.setAttribute("data-clusters", String(clusters));
    var nc = shown.filter(function (i) { return i.kind === "claim"; }).length;
    status.textContent = nc + " located claims, " + (shown.length - nc) + " located estimates";
    renderList(shown);
  }

  function renderList(shown) {
    listEl.textContent = "";
    shownCount.textContent = "(" + shown.length + ")";
    shown.slice().sort(function (a, b) { return (Number(b.best) || 0) - (Number(a.best) || 0); }).slice(0, 300)
      .forEach(function (it) {
        var li = document.createElement("li"), a = document.createElement("a");
        a.href = it.href; a.textContent = it.label;
        li.appendChild(a);
        if (it.day) li.appendChild(document.createTextNode(" — " + it.day));
        listEl.appendChild(li);
      });
  }

  function setupTime() {
    var set = {};
    items.forEach(function (it) { if (it.day) set[it.day] = 1; });
    days = Object.keys(set).sort();
    var max = Math.max(0, days.length - 1);
    [fromEl, toEl].forEach(function (r) { r.max = String(max); });
    fromEl.value = "0"; toEl.value = String(max);
    labelTime();
  }
  function labelTime() {
    if (!days.length) { timeLabel.textContent = "no dates"; return; }
    var lo = days[Math.min(+fromEl.value, +toEl.value)], hi = days[Math.max(+fromEl.value, +toEl.value)];
    timeLabel.textContent = lo + " – " + hi;
  }
  [fromEl, toEl].forEach(function (r) { r.addEventListener("input", function () { labelTime(); draw(); }); });
  document.getElementById("time-reset").addEventListener("click", function () { setupTime(); draw(); });

  function load() {
    var p = new URLSearchParams();
    if (form.elements.event_type.value) p.set("event_type", form.elements.event_type.value);
    var qs = p.toString(), jobs = [];
    items = [];
    if (form.elements.claims.checked) {
      jobs.push(fetch("/api/map/claims?" + qs, { credentials: "same-origin" }).then(function (r) { return r.json(); })
        .then(function (fc) { (fc.features || []).forEach(function (f) { items.push(claimItem(f)); }); }));
    }
    if (form.elements.estimates.checked) {
      jobs.push(fetch("/api/map/estimates?" + qs, { credentials: "same-origin" }).then(function (r) { return r.json(); })
        .then(function (fc) { (fc.features || []).forEach(function (f) { items.push(estimateItem(f)); }); }));
    }
    Promise.all(jobs).then(function () {
      setupTime();
      if (items.length) {
        var b = L.latLngBounds(items.map(function (it) { return [it.lat, it.lon]; }));
        map.fitBounds(b.pad(0.15), { maxZoom: 7 });  // fit to the data
      }
      draw();
    });
  }
  map.on("zoomend", draw);
  form.addEventListener("submit", function (ev) { ev.preventDefault(); load(); });
  load();
})();
