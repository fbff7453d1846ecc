/* geoconflict map layers: compact columns drawn with Leaflet's canvas renderer.
 * All report text is inserted with textContent, never as HTML. */
(function () {
  'use strict';
  if (window.geoconflict) { return; }
  var SCALE = 1e5;
  var POPUP = { maxWidth: 460, minWidth: 320, maxHeight: 440, autoPanPadding: [40, 40] };
  var R = Math.PI / 180;
  /* Below this width or height (px) the map is compact: legend and ledger start folded. */
  var COMPACT = [1000, 640];

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  /* ------------------------------------------------------------------ canvas with arrowheads */

  var GcCanvas = L.Canvas.extend({
    _updatePoly: function (layer, closed) {
      L.Canvas.prototype._updatePoly.call(this, layer, closed);
      if (layer.options.gcArrow) { this._arrow(layer); }
    },
    _extendRedrawBounds: function (layer) {
      if (layer._pxBounds) {
        var pad = (layer.options.weight || 0) + 1 + (layer.options.gcArrow ? 16 : 0);
        this._redrawBounds = this._redrawBounds || new L.Bounds();
        this._redrawBounds.extend(layer._pxBounds.min.subtract([pad, pad]));
        this._redrawBounds.extend(layer._pxBounds.max.add([pad, pad]));
      }
    },
    _updateGcPoints: function (layer) {
      if (!this._drawing) { return; }
      // each style's circle is drawn once onto a small sprite, then stamped at every point:
      // far cheaper than a path of 100,000 arcs for a software-rasterised canvas
      var ctx = this._ctx, order = layer._gcOrder, styles = layer._styles, b = this._bounds;
      var x0 = b ? b.min.x - 20 : -Infinity, x1 = b ? b.max.x + 20 : Infinity;
      var y0 = b ? b.min.y - 20 : -Infinity, y1 = b ? b.max.y + 20 : Infinity;
      // a point landing in the same 2-px cell as one already stamped in this style is
      // hidden under it: skip it (dense clouds of 100,000 points stay fast)
      var gw = Math.ceil((x1 - x0) / 2) + 1, gh = Math.ceil((y1 - y0) / 2) + 1;
      var useGrid = isFinite(gw) && isFinite(gh) && gw * gh < 5e7;
      if (useGrid && (!cells || cells.length < gw * gh)) { cells = new Uint32Array(gw * gh); generation = 0; }
      var k = 0, n = order.length, scale = devicePixelRatio > 1;
      while (k < n) {
        var s = layer._s[order[k]], sp = sprite(styles[s]), h = sp.half, size = 2 * h, gen = ++generation;
        for (; k < n && layer._s[order[k]] === s; k++) {
          var i = order[k];
          if (!layer._visible[i]) { continue; }
          var x = layer._x[i], y = layer._y[i];
          if (x < x0 || x > x1 || y < y0 || y > y1) { continue; }
          if (useGrid) {
            var cell = (((y - y0) / 2) | 0) * gw + (((x - x0) / 2) | 0);
            if (cells[cell] === gen) { continue; }
            cells[cell] = gen;
          }
          if (scale) { ctx.drawImage(sp.canvas, x - h, y - h, size, size); }
          else { ctx.drawImage(sp.canvas, Math.round(x - h), Math.round(y - h)); }
        }
      }
    },
    _arrow: function (layer) {
      if (!this._drawing || !layer._parts.length || !layer._rings.length) { return; }
      var ring = layer._rings[layer._rings.length - 1];
      var end = ring[ring.length - 1];
      var part = layer._parts[layer._parts.length - 1];
      var last = part[part.length - 1];
      if (!last || Math.abs(last.x - end.x) > 1 || Math.abs(last.y - end.y) > 1) { return; }
      var prev = null;
      for (var k = ring.length - 2; k >= 0; k--) {
        if (ring[k].distanceTo(end) > 8) { prev = ring[k]; break; }
      }
      if (!prev) { return; }
      var o = layer.options, ctx = this._ctx;
      var a = Math.atan2(end.y - prev.y, end.x - prev.x), size = 9 + 2 * o.weight;
      ctx.save();
      ctx.setLineDash([]);
      ctx.globalAlpha = o.opacity;
      ctx.fillStyle = o.color;
      ctx.beginPath();
      ctx.moveTo(end.x, end.y);
      ctx.lineTo(end.x - size * Math.cos(a - 0.42), end.y - size * Math.sin(a - 0.42));
      ctx.lineTo(end.x - size * 0.7 * Math.cos(a), end.y - size * 0.7 * Math.sin(a));
      ctx.lineTo(end.x - size * Math.cos(a + 0.42), end.y - size * Math.sin(a + 0.42));
      ctx.closePath();
      ctx.fill();
      ctx.restore();
    }
  });

  /* All the points of one layer as a single canvas path: projected into typed arrays,
   * drawn in one pass per style, hit-tested by a scan. 100,000 points cost one Leaflet
   * layer, not 100,000. `_gcf` names the feature under the mouse for tooltips and popups. */
  var GcPoints = L.Path.extend({
    options: { interactive: true, bubblingMouseEvents: true },
    initialize: function (p, styles, options) {
      L.setOptions(this, options);
      var n = p.lat.length, i;
      this._n = n;
      this._lat = new Float64Array(n);
      this._lon = new Float64Array(n);
      for (i = 0; i < n; i++) { this._lat[i] = p.lat[i] / SCALE; this._lon[i] = p.lon[i] / SCALE; }
      this._f = p.f;
      this._s = p.s;
      this._styles = styles;
      this._visible = new Uint8Array(n).fill(1);
      this._x = new Float32Array(n);
      this._y = new Float32Array(n);
      // draw order: by style, so each style is one canvas path
      this._gcOrder = Array.from({ length: n }, function (_, k) { return k; })
        .sort(function (a, b) { return p.s[a] - p.s[b] || a - b; });
      var r = 0;
      styles.forEach(function (st) { r = Math.max(r, (st.radius || 5) + (st.weight || 1)); });
      this._rmax = r;
      this._gcf = -1;
    },
    getBounds: function () {
      var b = L.latLngBounds([]);
      for (var i = 0; i < this._n; i++) { b.extend([this._lat[i], this._lon[i]]); }
      return b;
    },
    setVisible: function (mask) { this._visible = mask; this.redraw(); },
    visibleCount: function () { var c = 0; for (var i = 0; i < this._n; i++) { c += this._visible[i]; } return c; },
    _project: function () {
      var map = this._map, n = this._n, i;
      var minx = Infinity, miny = Infinity, maxx = -Infinity, maxy = -Infinity;
      var origin = map.getPixelOrigin(), zoom = map.getZoom();
      var mercator = map.options.crs === L.CRS.EPSG3857;
      var scale = 256 * Math.pow(2, zoom), d = Math.PI / 180, lim = 85.0511287798;
      for (i = 0; i < n; i++) {
        var x, y;
        if (mercator) {
          var lat = Math.max(Math.min(lim, this._lat[i]), -lim), sn = Math.sin(lat * d);
          x = scale * (0.5 + this._lon[i] / 360) - origin.x;
          y = scale * (0.5 - 0.25 * Math.log((1 + sn) / (1 - sn)) / Math.PI) - origin.y;
        } else {
          var pt = map.latLngToLayerPoint([this._lat[i], this._lon[i]]);
          x = pt.x; y = pt.y;
        }
        this._x[i] = x; this._y[i] = y;
        if (x < minx) { minx = x; } if (x > maxx) { maxx = x; }
        if (y < miny) { miny = y; } if (y > maxy) { maxy = y; }
      }
      var r = this._rmax;
      this._pxBounds = n ? L.bounds([minx - r, miny - r], [maxx + r, maxy + r]) : L.bounds([0, 0], [0, 0]);
    },
    _update: function () { if (this._map) { this._updatePath(); } },
    _updatePath: function () { this._renderer._updateGcPoints(this); },
    _containsPoint: function (p) {
      var best = -1, bestD = Infinity, tol = this._clickTolerance();
      for (var i = 0; i < this._n; i++) {
        if (!this._visible[i]) { continue; }
        var dx = this._x[i] - p.x, dy = this._y[i] - p.y, dd = dx * dx + dy * dy;
        var r = (this._styles[this._s[i]].radius || 5) + tol;
        if (dd <= r * r && dd <= bestD) { best = i; bestD = dd; }
      }
      if (best >= 0) { this._gcf = this._f[best]; this._gcHit = best; }
      return best >= 0;
    }
  });

  var sprites = {}, cells = null, generation = 0;
  var devicePixelRatio = Math.max(1, window.devicePixelRatio || 1);
  function sprite(st) {
    var key = JSON.stringify(st);
    if (sprites[key]) { return sprites[key]; }
    var r = st.radius || 5, w = (st.stroke === false) ? 0 : (st.weight || 0);
    var half = Math.ceil(r + w / 2 + 1), dpr = devicePixelRatio;
    var c = document.createElement('canvas');
    c.width = c.height = 2 * half * dpr;
    var g = c.getContext('2d');
    g.scale(dpr, dpr);
    g.beginPath();
    g.arc(half, half, r, 0, Math.PI * 2);
    if (st.fill !== false) {
      g.globalAlpha = st.fillOpacity === undefined ? 0.2 : st.fillOpacity;
      g.fillStyle = st.fillColor || st.color;
      g.fill();
    }
    if (w > 0) {
      g.globalAlpha = st.opacity === undefined ? 1 : st.opacity;
      g.lineWidth = w;
      g.strokeStyle = st.color;
      g.setLineDash(st.dashArray ? String(st.dashArray).split(/[ ,]+/).map(Number) : []);
      g.stroke();
    }
    sprites[key] = { canvas: c, half: half };
    return sprites[key];
  }

  var patterns = {};
  function hatch(color) {
    if (!patterns[color]) {
      var c = document.createElement('canvas');
      c.width = c.height = 10;
      var g = c.getContext('2d');
      g.strokeStyle = color;
      g.lineWidth = 2;
      g.beginPath();
      g.moveTo(0, 10); g.lineTo(10, 0);
      g.moveTo(-5, 5); g.lineTo(5, -5);
      g.moveTo(5, 15); g.lineTo(15, 5);
      g.stroke();
      patterns[color] = g.createPattern(c, 'repeat');
    }
    return patterns[color];
  }

  /* Labels never overlap: settlements first (each on its right, else its left), then
   * areas, then the basemap's names, then the towns; a label that would overlap one kept
   * is hidden. */
  function declutter(map) {
    var gc = state(map), points = [], areas = [], kept = [];
    gc.layers.forEach(function (e) {
      e.labels.forEach(function (m) { if (map.hasLayer(m)) { (m._gcArea ? areas : points).push(m); } });
    });
    (gc.baseLabels || []).forEach(function (pair) { if (map.hasLayer(pair[0])) { areas.push(pair[0]); } });
    // towns last, the most populous first: they give way to every other label
    var towns = (gc.towns || []).filter(function (m) { return map.hasLayer(m); });
    points.concat(areas, towns).forEach(function (m) {
      var node = m.getElement(), span = node && node.firstChild;
      if (!span) { return; }
      var sides = m._gcArea || m._gcBox ? [false] : [false, true], placed = false;
      span.style.visibility = '';
      for (var k = 0; k < sides.length && !placed; k++) {
        node.classList.toggle('gc-left', sides[k]);
        var r = span.getBoundingClientRect();
        placed = !kept.some(function (o) { return overlaps(o, r); });
        if (placed) { kept.push(r); }
      }
      if (!placed) { node.classList.remove('gc-left'); span.style.visibility = 'hidden'; }
    });
  }

  function state(map) {
    if (!map._gc) {
      var lp = map.getPane('gcLabels') || map.createPane('gcLabels');
      lp.style.zIndex = 640;
      lp.style.pointerEvents = 'none';
      map._gc = {
        layers: [],
        renderer: new GcCanvas({ padding: 0.2, tolerance: 4 }),
        ledger: null
      };
      // after every change of view (moveend follows zoomend, pans and fits), once drawn
      map.on('moveend overlayadd overlayremove', function () {
        requestAnimationFrame(function () { declutter(map); });
      });
    }
    return map._gc;
  }

  /* ------------------------------------------------------------------ geometry */

  function greatCircle(lat1, lon1, lat2, lon2) {
    var p1 = lat1 * R, l1 = lon1 * R, p2 = lat2 * R, l2 = lon2 * R;
    var s = Math.sin((p2 - p1) / 2), t = Math.sin((l2 - l1) / 2);
    var d = 2 * Math.asin(Math.min(1, Math.sqrt(s * s + Math.cos(p1) * Math.cos(p2) * t * t)));
    if (d < 1e-6) { return [[lat1, lon1], [lat2, lon2]]; }
    var n = Math.max(2, Math.min(96, Math.ceil(d * 6371 / 40)));
    var x1 = Math.cos(p1) * Math.cos(l1), y1 = Math.cos(p1) * Math.sin(l1), z1 = Math.sin(p1);
    var x2 = Math.cos(p2) * Math.cos(l2), y2 = Math.cos(p2) * Math.sin(l2), z2 = Math.sin(p2);
    var sd = Math.sin(d), out = [], prev = lon1;
    for (var i = 0; i <= n; i++) {
      var f = i / n, A = Math.sin((1 - f) * d) / sd, B = Math.sin(f * d) / sd;
      var x = A * x1 + B * x2, y = A * y1 + B * y2, z = A * z1 + B * z2;
      var lat = Math.atan2(z, Math.sqrt(x * x + y * y)) / R, lon = Math.atan2(y, x) / R;
      while (lon - prev > 180) { lon -= 360; }
      while (lon - prev < -180) { lon += 360; }
      out.push([lat, lon]);
      prev = lon;
    }
    out[0] = [lat1, lon1];
    out[n] = [lat2, out[n][1]];
    return out;
  }

  function ringLatLngs(flat) {
    var out = new Array(flat.length / 2);
    for (var i = 0; i < flat.length; i += 2) { out[i / 2] = [flat[i] / SCALE, flat[i + 1] / SCALE]; }
    return out;
  }

  /* ------------------------------------------------------------------ popups and tooltips */

  function text(d, k) { return k >= 0 ? d.strings[k] : null; }

  function title(d, f) {
    var spec = d.titleFrom;
    if (!spec) { return text(d, d.titles[f]); }
    var nf = d.fields.length, out = '';
    spec.fields.forEach(function (j, k) {
      var v = text(d, d.values[f * nf + j]);
      if (v === null) { return; }
      out += (out && k > 0 ? spec.seps[k - 1] : '') + v;
    });
    return out.charAt(0).toUpperCase() + out.slice(1);
  }

  function popup(d, f) {
    var box = el('div', 'gc-popup');
    box.appendChild(el('div', 'gc-popup-title', title(d, f)));
    var nf = d.fields.length, quote = null, table = el('table', 'gc-popup-table');
    for (var j = 0; j < nf; j++) {
      var v = text(d, d.values[f * nf + j]);
      if (v === null) { continue; }
      if (d.fields[j] === 'Quote') { quote = v; continue; }
      var tr = el('tr');
      tr.appendChild(el('th', null, d.fields[j]));
      tr.appendChild(el('td', null, v));
      table.appendChild(tr);
    }
    if (quote !== null) { box.appendChild(el('blockquote', 'gc-quote', '\u201c' + quote + '\u201d')); }
    box.appendChild(table);
    return box;
  }

  function tooltip(d, f) { return el('span', 'gc-tip', title(d, f)); }

  /* ------------------------------------------------------------------ drawing one layer */

  function styleOf(d, s, renderer) {
    var st = d.styles[s], o = { renderer: renderer, bubblingMouseEvents: true };
    for (var k in st) {
      if (Object.prototype.hasOwnProperty.call(st, k) && st[k] !== null && k !== 'hatch' && k !== 'offset') {
        o[k] = st[k];
      }
    }
    if (st.hatch) { o.fillColor = hatch(st.fillColor || st.color); }
    if (st.offset) { o.weight = (o.weight || 2) + 3 * st.offset; o.opacity = 0.75; }
    return o;
  }

  function draw(map, group, d) {
    var gc = state(map), renderer = gc.renderer, items = [];
    var cache = {};
    function opts(s) { return cache[s] || (cache[s] = styleOf(d, s, renderer)); }
    var layer, i;
    if (d.polys) {
      var P = d.polys;
      for (i = 0; i < P.s.length; i++) {
        var rings = P.rings[i].map(function (poly) { return poly.map(ringLatLngs); });
        layer = L.polygon(rings.length === 1 ? rings[0] : rings, opts(P.s[i]));
        layer._gcf = P.f[i];
        layer._gcPhase = 0;
        items.push(layer);
        if (P.label[i] >= 0) {
          label(gc, layer.getBounds().getCenter(), d.strings[P.label[i]], 'gc-label-area', layer, alias(d, P.f[i]));
        }
      }
    }
    if (d.lines) {
      var C = d.lines.c, S = d.lines.s, F = d.lines.f;
      for (i = 0; i < S.length; i++) {
        var o = opts(S[i]);
        if (!o.gcArrow) { o.gcArrow = true; }
        layer = L.polyline(greatCircle(C[4 * i] / SCALE, C[4 * i + 1] / SCALE, C[4 * i + 2] / SCALE,
          C[4 * i + 3] / SCALE), o);
        layer._gcf = F[i];
        layer._gcPhase = 1;
        items.push(layer);
      }
    }
    if (d.points) {
      var p = d.points;
      layer = new GcPoints(p, d.styles, { renderer: renderer });
      layer._gcPhase = 2;
      items.push(layer);
      for (i = 0; i < p.lat.length; i++) {
        if (p.label[i] >= 0) {
          label(gc, [p.lat[i] / SCALE, p.lon[i] / SCALE], d.strings[p.label[i]], 'gc-label-place', null, alias(d, p.f[i]));
        }
      }
      // moving from one point to the next of the same layer: update the open tooltip
      layer.on('mousemove', function (e) {
        var l = e.target;
        if (l._gcShown !== l._gcf) {
          l._gcShown = l._gcf;
          if (group.getTooltip()) { group.setTooltipContent(tooltip(d, l._gcf)); }
        }
      });
      layer.on('mouseout', function (e) { e.target._gcShown = -1; });
    }
    // items join their group in finish(): areas of every layer first, then lines, then
    // points, so that on the shared canvas a point is never buried under an area
    group.bindTooltip(function (l) { return tooltip(d, l._gcf); }, { sticky: true, direction: 'top', opacity: 0.95 });
    group.bindPopup(function (l) { return popup(d, l._gcf); }, POPUP);
    var entry = { group: group, data: d, items: items, labels: gc.pendingLabels || [] };
    gc.pendingLabels = [];
    gc.layers.push(entry);
    // labels belong to their layer: shown with it, and an area's label only when the area
    // is wide enough on screen to hold it
    function update() {
      var on = map.hasLayer(group);
      entry.labels.forEach(function (m) {
        var show = on;
        if (show && m._gcArea) {
          var b = m._gcArea.getBounds();
          var w = map.latLngToLayerPoint(b.getNorthEast()).x - map.latLngToLayerPoint(b.getSouthWest()).x;
          show = w > 7 * m._gcName.length;
        }
        if (show && !map.hasLayer(m)) { m.addTo(map); }
        if (!show && map.hasLayer(m)) { m.remove(); }
      });
    }
    group.on('add remove', update);
    map.on('zoomend', update);
    map.whenReady(update);
    return entry;
  }

  /* A place's gazetteer name (its popup's first field), when its label is the report's spelling. */
  function alias(d, f) { return d.key === 'places' ? text(d, d.values[f * d.fields.length]) : null; }

  function label(gc, latlng, name, cls, area, aka) {
    gc.pendingLabels = gc.pendingLabels || [];
    var marker = L.marker(latlng, {
      icon: L.divIcon({ className: 'gc-label ' + cls, html: '', iconSize: null }),
      interactive: false, keyboard: false, pane: 'gcLabels'
    }).on('add', function (e) {
      var icon = e.target.getElement();
      if (icon && !icon.firstChild) { icon.appendChild(el('span', null, name)); }
    });
    marker._gcArea = area || null;
    marker._gcName = name;
    marker._gcAlias = aka || null;
    gc.pendingLabels.push(marker);
  }

  /* ------------------------------------------------------------------ basemap */

  /* A basemap level's canvas, drawn only from zoom `showFrom` on and, from zoom `clipFrom`
   * on, only inside `within` (rings; everywhere when null) and outside `without`. The
   * clip's corners are rounded to whole pixels, so that neighbouring levels meet with
   * neither a gap nor an overlap. */
  var GcClipCanvas = L.Canvas.extend({
    _draw: function () {
      var o = this.options, map = this._map, z = map ? map.getZoom() : 0;
      if (z < o.gcShowFrom) { return; }
      if (z < o.gcClipFrom || (!o.gcWithin && !o.gcWithout)) { L.Canvas.prototype._draw.call(this); return; }
      var ctx = this._ctx, b = this._bounds;
      ctx.save();
      ctx.beginPath();
      if (o.gcWithin) { clipPath(ctx, map, o.gcWithin); } else { ctx.rect(b.min.x, b.min.y, b.max.x - b.min.x, b.max.y - b.min.y); }
      if (o.gcWithout) { clipPath(ctx, map, o.gcWithout); }
      ctx.clip('evenodd');
      L.Canvas.prototype._draw.call(this);
      ctx.restore();
    }
  });

  function clipPath(ctx, map, polys) {
    polys.forEach(function (poly) {
      poly.forEach(function (ring) {
        ring.forEach(function (ll, i) {
          var p = map.latLngToLayerPoint(ll).round();
          if (i) { ctx.lineTo(p.x, p.y); } else { ctx.moveTo(p.x, p.y); }
        });
        ctx.closePath();
      });
    });
  }

  /* A ring or line written as its first point then steps (1e-5 degrees) → [lat, lon] pairs. */
  function stepLatLngs(flat) {
    var out = new Array(flat.length / 2), lat = 0, lon = 0;
    for (var i = 0; i < flat.length; i += 2) {
      lat += flat[i]; lon += flat[i + 1];
      out[i / 2] = [lat / SCALE, lon / SCALE];
    }
    return out;
  }

  function stepRings(rings) { return rings.map(function (poly) { return poly.map(stepLatLngs); }); }

  /* One level of the basemap: land (filled when there are no tiles), country lines, and
   * the dashed borders between admin-1 units. */
  function basemapLevel(group, level, fill, renderer) {
    var land = [];
    (level.countries || []).forEach(function (c) { land = land.concat(stepRings(c.rings)); });
    if (land.length) {
      // nonzero: a gap filled as land over a country's hole (Lesotho in South Africa) stays land
      group.addLayer(L.polygon(land, {
        renderer: renderer, interactive: false, color: '#8d8d8d', weight: 1.1, fill: fill,
        fillColor: '#f6f4ee', fillOpacity: 1, fillRule: 'nonzero'
      }));
    }
    if ((level.lines || []).length) {
      group.addLayer(L.polyline(level.lines.map(stepLatLngs), {
        renderer: renderer, interactive: false, color: '#b9b6ad', weight: 0.8, dashArray: '3 3', fill: false
      }));
    }
  }

  /* The coarse level everywhere below the detail zoom; from it on, each finer level inside
   * its region (near the data) and the coarse one outside them all. */
  function basemap(map, group, b) {
    var gc = state(map);
    var pane = map.getPane('gcBasemap') || map.createPane('gcBasemap');
    pane.style.zIndex = 250;
    pane.style.pointerEvents = 'none';
    var detail = b.detail || { zoom: Infinity, levels: [] }, levels = detail.levels;
    var regions = levels.map(function (l) { return stepRings(l.region); });
    function canvas(showFrom, within, without) {
      return new GcClipCanvas({ pane: 'gcBasemap', padding: 0.5, gcShowFrom: showFrom, gcClipFrom: detail.zoom,
        gcWithin: within, gcWithout: without });
    }
    basemapLevel(group, b, b.fill !== false, canvas(0, null, regions.length ? regions[regions.length - 1] : null));
    levels.forEach(function (level, k) {
      basemapLevel(group, level, b.fill !== false, canvas(detail.zoom, regions[k], k > 0 ? regions[k - 1] : null));
    });
    var labels = [];
    function addLabels(list, cls) {
      (list || []).forEach(function (c) {
        if (c.label === null || c.label === undefined) { return; }
        var m = L.marker([c.label[0] / SCALE, c.label[1] / SCALE], {
          icon: L.divIcon({ className: 'gc-label ' + cls, html: '', iconSize: null }),
          interactive: false, keyboard: false, pane: 'gcBaseLabels'
        });
        m.on('add', function (e) {
          var n = e.target.getElement();
          if (n && !n.firstChild) { n.appendChild(el('span', null, c.name)); }
        });
        m._gcBox = L.latLngBounds([c.label[2] / SCALE, c.label[3] / SCALE], [c.label[4] / SCALE, c.label[5] / SCALE]);
        m._gcName = c.name;
        labels.push([m, cls]);
      });
    }
    var lp = map.getPane('gcBaseLabels') || map.createPane('gcBaseLabels');
    lp.style.zIndex = 350;
    lp.style.pointerEvents = 'none';
    addLabels(b.countries, 'gc-label-country');
    addLabels(b.regions, 'gc-label-region');
    function update() {
      var z = map.getZoom(), on = map.hasLayer(group);
      var taken = takenNames(map, gc);
      labels.forEach(function (pair) {
        var m = pair[0], b = m._gcBox;
        var w = map.latLngToLayerPoint(b.getNorthEast()).x - map.latLngToLayerPoint(b.getSouthWest()).x;
        var px = pair[1] === 'gc-label-country' ? 9 : 6;
        var show = on && !taken[m._gcName] && w > px * m._gcName.length && (pair[1] === 'gc-label-country' ? z <= 7 : z >= 6);
        if (show && !map.hasLayer(m)) { m.addTo(map); }
        if (!show && map.hasLayer(m)) { m.remove(); }
      });
    }
    map.on('zoomend overlayadd overlayremove', update);
    group.on('add remove', update);
    gc.basemapUpdate = update;
    gc.baseLabels = labels;
  }

  /* The names the data's shown labels already give (a report's spelling and the gazetteer's). */
  function takenNames(map, gc) {
    var taken = {};
    gc.layers.forEach(function (e) {
      if (map.hasLayer(e.group)) {
        e.labels.forEach(function (m) { taken[m._gcName] = 1; if (m._gcAlias) { taken[m._gcAlias] = 1; } });
      }
    });
    return taken;
  }

  /* Towns to orient by: quiet labels from zoom t.zoom on, the most populous first, only
   * those in view, none that repeats a label of the data. */
  function towns(map, group, t) {
    var gc = state(map), list = [];
    var lp = map.getPane('gcBaseLabels') || map.createPane('gcBaseLabels');
    lp.style.zIndex = 350;
    lp.style.pointerEvents = 'none';
    t.names.forEach(function (name, i) {
      var m = L.marker([t.lat[i] / SCALE, t.lon[i] / SCALE], {
        icon: L.divIcon({ className: 'gc-label gc-label-town', html: '', iconSize: null }),
        interactive: false, keyboard: false, pane: 'gcBaseLabels'
      });
      m.on('add', function (e) {
        var n = e.target.getElement();
        if (n && !n.firstChild) { n.appendChild(el('span', null, name)); }
      });
      m._gcName = name;
      list.push(m);
    });
    function update() {
      var on = map.hasLayer(group) && map.getZoom() >= t.zoom, view = map.getBounds().pad(0.25);
      var taken = on ? takenNames(map, gc) : {};
      list.forEach(function (m) {
        var show = on && !taken[m._gcName] && view.contains(m.getLatLng());
        if (show && !map.hasLayer(m)) { m.addTo(map); }
        if (!show && map.hasLayer(m)) { m.remove(); }
      });
    }
    map.on('zoomend moveend overlayadd overlayremove', update);
    group.on('add remove', update);
    gc.towns = list;
    gc.townsUpdate = update;
  }

  /* ------------------------------------------------------------------ controls */

  function swatch(item) {
    var s = el('span', 'gc-swatch gc-swatch-' + item.swatch);
    s.style.setProperty('--c', item.color);
    if (item.fill) { s.style.setProperty('--f', item.fill); }
    return s;
  }

  /* One section per kind of layer over every render() call, in the order first drawn:
   * the items of the calls' layers of that kind, each item once. */
  function legendSections(entries) {
    var sections = [], byKey = {};
    entries.forEach(function (entry) {
      var d = entry.data;
      if (!d.legend.length) { return; }
      var section = byKey[d.key];
      if (!section) { section = byKey[d.key] = { name: d.name, items: [], seen: {} }; sections.push(section); }
      d.legend.forEach(function (item) {
        var id = JSON.stringify([item.swatch, item.color, item.fill || null, item.label]);
        if (!section.seen[id]) { section.seen[id] = 1; section.items.push(item); }
      });
    });
    return sections;
  }

  function legend(map, gc) {
    var ctl = L.control({ position: 'bottomright' });
    ctl.onAdd = function () {
      var box = el('details', 'gc-legend leaflet-control');
      box.open = !gc.compact;
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      box.appendChild(el('summary', null, 'Legend'));
      legendSections(gc.layers).forEach(function (section) {
        var items = section.items, sec = el('div', 'gc-legend-section');
        sec.appendChild(el('div', 'gc-legend-title', section.name));
        items.slice(0, 14).forEach(function (item) {
          var row = el('div', 'gc-legend-row');
          row.appendChild(swatch(item));
          row.appendChild(el('span', null, item.label));
          sec.appendChild(row);
        });
        if (items.length > 14) { sec.appendChild(el('div', 'gc-legend-more', '+ ' + (items.length - 14) + ' more')); }
        box.appendChild(sec);
      });
      return box;
    };
    return ctl.addTo(map);
  }

  /* The bounds of feature f of a layer: its polygons and lines, and its points. */
  function featureBounds(entry, f) {
    var b = L.latLngBounds([]);
    entry.items.forEach(function (l) {
      if (l instanceof GcPoints) {
        for (var i = 0; i < l._n; i++) { if (l._f[i] === f) { b.extend([l._lat[i], l._lon[i]]); } }
      } else if (l._gcf === f && l.getBounds) {
        b.extend(l.getBounds());
      }
    });
    return b.isValid() ? b : null;
  }

  /* A ledger cell as a sort key: figures as numbers ("1,000 km²" → 1000), dates and names as text,
   * a missing one (—) last. */
  function sortKey(text) {
    if (/^\d{4}-\d{2}-\d{2}/.test(text)) { return text; }  // ISO dates sort as text
    var n = parseFloat(String(text).replace(/,/g, ''));
    return isNaN(n) ? (text === '\u2014' ? null : String(text).toLowerCase()) : n;
  }

  /* The ledger lists at most this many rows at once (a table of 50,000 rows makes every
   * layout of the page slow); sorting by a column sorts every claim and lists the first. */
  var LEDGER_ROWS = 300;

  /* Sort the ledger's claims by column k (cell k - 1 of each row; a second click on the same
   * column reverses the order), ties kept in their current order, then list the first rows. */
  function sortRows(ledgerState, k, th) {
    var table = ledgerState.table, down = th.getAttribute('data-sorted') !== 'down';
    table.querySelectorAll('th').forEach(function (h) { h.removeAttribute('data-sorted'); });
    th.setAttribute('data-sorted', down ? 'down' : 'up');
    var keyed = ledgerState.order.map(function (r, i) { return [sortKey(r.cells[k - 1]), i, r]; });
    keyed.sort(function (a, b) {
      if (a[0] === null || b[0] === null) { return (a[0] === null) - (b[0] === null) || a[1] - b[1]; }
      var c = a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
      return (down ? -c : c) || a[1] - b[1];
    });
    ledgerState.order = keyed.map(function (x) { return x[2]; });
    ledgerState.fill();
  }

  function rowsOf(table) { return Array.prototype.slice.call(table.querySelectorAll('.gc-ledger-row')); }

  function ledger(map, gc, rows, notes) {
    var ctl = L.control({ position: 'topright' });
    ctl.onAdd = function () {
      var box = el('details', 'gc-ledger leaflet-control');
      box.open = !gc.compact;
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      box.appendChild(el('summary', null, 'Claim ledger \u2014 ' + rows.length + ' claim' + (rows.length === 1 ? '' : 's') +
        (rows.length ? ', kept side by side' : ' listed') + (notes.length ? ', more counted on the map' : '')));
      // the claims counted per area on a huge map: how many and who claims most, not a row each
      notes.forEach(function (note) { box.appendChild(el('div', 'gc-ledger-note', note)); });
      var table = el('table');
      var head = el('tr');
      var ledgerState = { table: table, order: rows.slice(), nodes: new Map() };
      ['', 'Claimant', 'Per', 'Settlements', 'Area stated', 'Area drawn', 'As of'].forEach(function (h, k) {
        var th = el('th', null, h);
        if (k > 0) {
          th.title = 'Sort by ' + h;
          th.className = 'gc-ledger-sort';
          th.addEventListener('click', function () { sortRows(ledgerState, k, th); });
        }
        head.appendChild(th);
      });
      table.appendChild(head);
      function rowNode(r) {
        if (ledgerState.nodes.has(r)) { return ledgerState.nodes.get(r); }
        var tr = el('tr', 'gc-ledger-row');
        var sw = el('td');
        sw.appendChild(swatch({ swatch: 'area', color: r.color }));
        tr.appendChild(sw);
        r.cells.forEach(function (c) { tr.appendChild(el('td', null, c)); });
        tr.title = 'Show this claim';
        tr.addEventListener('click', function () {
          var entry = r.entry;
          if (!entry) { return; }
          // this row's own claim: its shapes, or its points when drawn at named places
          var b = featureBounds(entry, r.f);
          if (!map.hasLayer(entry.group)) { entry.group.addTo(map); }
          var at = map.getCenter();
          if (b) {
            map.fitBounds(b, { padding: [30, 30], maxZoom: 10, animate: false });
            at = b.getCenter();
          }
          map.closePopup();
          L.popup(POPUP).setLatLng(at).setContent(popup(entry.data, r.f)).openOn(map);
          rowsOf(table).forEach(function (other) { other.classList.toggle('gc-ledger-current', other === tr); });
        });
        ledgerState.nodes.set(r, tr);
        return tr;
      }
      ledgerState.fill = function () {
        rowsOf(table).forEach(function (tr) { table.removeChild(tr); });
        ledgerState.order.slice(0, LEDGER_ROWS).forEach(function (r) { table.appendChild(rowNode(r)); });
      };
      ledgerState.fill();
      if (rows.length) { box.appendChild(table); }
      if (rows.length > LEDGER_ROWS) {
        box.appendChild(el('div', 'gc-legend-more', 'The first ' + LEDGER_ROWS + ' of ' + rows.length.toLocaleString('en') +
          ' claims; sort by a column to list others first.'));
      }
      return box;
    };
    return ctl.addTo(map);
  }

  function slider(map, gc, days) {
    var ctl = L.control({ position: 'bottomleft' });
    ctl.onAdd = function () {
      var box = el('div', 'gc-slider leaflet-control');
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      var title = el('div', 'gc-slider-title', 'Events up to');
      var value = el('span', 'gc-slider-date', days[days.length - 1]);
      title.appendChild(document.createTextNode(' '));
      title.appendChild(value);
      var input = el('input');
      input.type = 'range';
      input.min = 0;
      input.max = days.length - 1;
      input.step = 1;
      input.value = days.length - 1;
      input.setAttribute('aria-label', 'Show events up to this date');
      var range = el('div', 'gc-slider-range', days[0] + ' \u2192 ' + days[days.length - 1]);
      // what the slider does not filter (counts per area of every date), said while it cuts dates off
      var note = el('div', 'gc-slider-note');
      note.hidden = true;
      box.appendChild(title);
      box.appendChild(input);
      box.appendChild(range);
      box.appendChild(note);
      gc.sliderNote = note;
      input.addEventListener('input', function () {
        var v = +input.value;
        value.textContent = days[v];
        gc.cut = v < days.length - 1 ? days[v] : undefined;
        gc.layers.forEach(function (entry) {
          var g = entry.group, own = entry.days || [], cut = days[v];
          entry.items.forEach(function (l) {
            if (l._gcAllDates) { return; }  // a circle counting a cell's events of every date
            var dates = l._gcDates || entry.data.dates;  // an aggregated layer's items carry their own
            function shown(f) { var k = dates[f]; return k < 0 || own[k] <= cut; }
            if (l instanceof GcPoints) {
              var mask = new Uint8Array(l._n);
              for (var i = 0; i < l._n; i++) { mask[i] = shown(l._f[i]) ? 1 : 0; }
              l.setVisible(mask);
              return;
            }
            var show = shown(l._gcf);
            if (show && !g.hasLayer(l)) { g.addLayer(l); }
            if (!show && g.hasLayer(l)) { g.removeLayer(l); }
          });
        });
        (gc.cutHooks || []).forEach(function (hook) { hook(); });
      });
      return box;
    };
    return ctl.addTo(map);
  }

  function overlaps(a, b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  }

  /* A popup is never left under the ledger or the legend (controls stack above popups):
   * the map pans the popup clear of one it overlaps, by the shorter way that keeps the
   * popup inside the map, or else the overlay folds away. */
  function clearOfOverlays(map) {
    map.on('popupopen', function (e) {
      requestAnimationFrame(function () {
        var node = e.popup.getElement();
        if (!node || !map.hasLayer(e.popup)) { return; }
        var box = map.getContainer().getBoundingClientRect();
        map.getContainer().querySelectorAll('details.gc-ledger[open], details.gc-legend[open]').forEach(function (d) {
          var r = node.getBoundingClientRect(), o = d.getBoundingClientRect();
          if (!overlaps(r, o)) { return; }
          var down = o.bottom - r.top + 8, left = r.right - o.left + 8, up = r.bottom - o.top + 8;
          var moves = [];
          if (r.bottom + down <= box.bottom) { moves.push([down, [0, -down]]); }
          if (r.top - up >= box.top) { moves.push([up, [0, up]]); }
          if (r.left - left >= box.left) { moves.push([left, [left, 0]]); }
          if (!moves.length) { d.open = false; return; }
          moves.sort(function (a, b) { return a[0] - b[0]; });
          map.panBy(moves[0][1], { animate: false });
        });
      });
    });
  }

  function union(a, b) {
    var seen = {};
    return a.concat(b).filter(function (d) { if (seen[d]) { return false; } seen[d] = 1; return true; }).sort();
  }

  /* Run once per render() call: the call's layers join the map (areas of every layer
   * first, then lines, then points); legend, ledger and slider are made again over the
   * layers of every call so far, so render() may draw onto one map several times. */
  function finish(map, opts) {
    var gc = state(map);
    var fresh = gc.layers.filter(function (e) { return !e.finished; });
    var claims = null;
    fresh.forEach(function (e) {
      e.finished = true;
      e.days = opts.days || [];
      if (e.data.key === 'claims' && !e.aggregate) { claims = e; }  // the ledger's claims: drawn one by one
    });
    var stacked = fresh.slice().sort(function (a, b) { return a.data.z - b.data.z; });
    [0, 1, 2].forEach(function (phase) {
      stacked.forEach(function (entry) {
        entry.items.forEach(function (l) { if (l._gcPhase === phase) { entry.group.addLayer(l); } });
      });
    });
    (opts.ledger || []).forEach(function (r) { r.entry = claims; });
    gc.ledgerRows = (gc.ledgerRows || []).concat(opts.ledger || []);
    gc.ledgerNotes = (gc.ledgerNotes || []).concat(fresh.filter(function (e) { return e.data.ledgerNote; })
      .map(function (e) { return e.data.ledgerNote; }));
    gc.days = union(gc.days || [], opts.days || []);
    (gc.controls || []).forEach(function (c) { c.remove(); });
    gc.controls = [];
    map.getContainer().classList.add('gc-map');
    // a small map (a notebook's output cell): overlays fold away, their summaries stay
    var size = map.getSize();
    gc.compact = size.x < COMPACT[0] || size.y < COMPACT[1];
    map.getContainer().classList.toggle('gc-compact', gc.compact);
    if (!gc.clearing) { gc.clearing = true; clearOfOverlays(map); }
    if (opts.title) {
      if (gc.titleControl) { gc.titleControl.remove(); }
      var tc = L.control({ position: 'topleft' });
      tc.onAdd = function () {
        var t = el('div', 'gc-title leaflet-control');
        t.appendChild(el('div', 'gc-title-main', opts.title));
        if (opts.subtitle) { t.appendChild(el('div', 'gc-title-sub', opts.subtitle)); }
        return t;
      };
      tc.addTo(map);
      gc.titleControl = tc;
      var corner = tc.getContainer().parentNode;
      corner.insertBefore(tc.getContainer(), corner.firstChild);
    }
    if (opts.attribution && map.attributionControl) { map.attributionControl.addAttribution(opts.attribution); }
    if (opts.scale && !gc.scale) {
      gc.scale = L.control.scale({ position: 'bottomleft', imperial: false, maxWidth: 160 }).addTo(map);
    }
    gc.legend = gc.legend || opts.legend;  // a call without a legend keeps an earlier call's
    if (gc.legend) { gc.controls.push(legend(map, gc)); }
    if (gc.ledgerRows.length || gc.ledgerNotes.length) { gc.controls.push(ledger(map, gc, gc.ledgerRows, gc.ledgerNotes)); }
    if (opts.slider && gc.days.length > 1) { gc.controls.push(slider(map, gc, gc.days)); }
    if (opts.bounds && opts.fit) { map.fitBounds(opts.bounds, { padding: [40, 40], maxZoom: 10, animate: false }); }
    if (gc.basemapUpdate) { gc.basemapUpdate(); }
    if (gc.townsUpdate) { gc.townsUpdate(); }
    declutter(map);
    var box = map.getContainer();
    box.setAttribute('data-gc-ready', String(Math.round(performance.now())));
    // after the next painted frame: the time (ms since navigation) the map was on screen
    requestAnimationFrame(function () {
      setTimeout(function () { box.setAttribute('data-gc-drawn', String(Math.round(performance.now()))); }, 0);
    });
  }

  /* Features drawn now (on the map, in a shown layer, not filtered out by the slider). */
  function visibleCount(map) {
    var c = 0;
    state(map).layers.forEach(function (entry) {
      if (!map.hasLayer(entry.group)) { return; }
      entry.items.forEach(function (l) {
        if (!entry.group.hasLayer(l)) { return; }
        c += l instanceof GcPoints ? l.visibleCount() : 1;
      });
    });
    return c;
  }

  window.geoconflict = { draw: draw, basemap: basemap, towns: towns, finish: finish, greatCircle: greatCircle,
    visibleCount: visibleCount,
    // for aggregate.js, which draws the layers of many events
    internal: { GcPoints: GcPoints, popup: popup, tooltip: tooltip, state: state, POPUP: POPUP } };
})();
