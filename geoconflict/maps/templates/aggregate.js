/* geoconflict: the layer of many events (maps/aggregate.py). Below the detail zoom, one
 * circle per grid cell of the zoom's band, with counts by type in its popup; from the detail
 * zoom on, each event of the chunks in view, each chunk's JSON parsed when first shown.
 * All report text is inserted with textContent (the popups of geoconflict.js), never as HTML. */
(function () {
  'use strict';
  var G = window.geoconflict;
  if (!G || G.drawAggregate) { return; }
  var I = G.internal;
  var SCALE = 1e5;
  /* Chunks this far (a fraction of the view) outside the view are drawn too, so a short pan shows no gap. */
  var MARGIN = 0.2;

  function pointsOf(d, renderer, group) {
    var layer = new I.GcPoints(d.points, d.styles, { renderer: renderer });
    layer._gcData = d;
    layer._gcDates = d.dates;
    // moving from one point to the next of the same layer: update the open tooltip
    layer.on('mousemove', function (e) {
      var l = e.target;
      if (l._gcShown !== l._gcf) {
        l._gcShown = l._gcf;
        if (group.getTooltip()) { group.setTooltipContent(I.tooltip(l._gcData, l._gcf)); }
      }
    });
    layer.on('mouseout', function (e) { e.target._gcShown = -1; });
    return layer;
  }

  /* Hide what the time slider has cut off (gc.cut, the last day shown) in a layer about to be shown;
   * a circle counts every date and stays (the note under the slider says so). */
  function masked(layer, gc, own) {
    if (layer._gcAllDates) { return; }
    if (gc.cut === undefined) { layer._visible.fill(1); return; }
    var mask = new Uint8Array(layer._n), dates = layer._gcDates;
    for (var i = 0; i < layer._n; i++) {
      var k = dates[layer._f[i]];
      mask[i] = (k < 0 || own[k] <= gc.cut) ? 1 : 0;
    }
    layer._visible = mask;
  }

  /* The note under the time slider, shown while it cuts dates off and a layer shows circles
   * (which count every date): never a count that silently ignores the slider. */
  function cutNote(map, gc) {
    var note = gc.sliderNote;
    if (!note) { return; }
    var showing = gc.layers.filter(function (e) {
      return e.aggregate && map.hasLayer(e.group) && map.getZoom() < e.data.detailFrom;
    });
    note.hidden = gc.cut === undefined || !showing.length;
    if (!note.hidden) { note.textContent = showing[0].data.cutNote; }
  }

  /* The circles of a layer drawn in front (claims: fewer, so smaller) stay over the other layers'
   * circles of the same cells, whichever layer was updated last. */
  function inFront(map, gc) {
    gc.layers.forEach(function (e) {
      if (!e.aggregate || !e.data.front || !map.hasLayer(e.group)) { return; }
      e.items.forEach(function (l) { if (l._gcAllDates && e.group.hasLayer(l)) { l.bringToFront(); } });
    });
  }

  function drawAggregate(map, group, d, id) {
    var gc = I.state(map), renderer = gc.renderer;
    var bands = d.bands.map(function (b) {
      var layer = pointsOf(b, renderer, group);
      layer._gcAllDates = true;
      return layer;
    });
    var chunks = d.chunks.map(function (c, k) {
      return {
        id: id + '_c' + k, layer: null,
        bounds: L.latLngBounds([c.box[0] / SCALE, c.box[1] / SCALE], [c.box[2] / SCALE, c.box[3] / SCALE])
      };
    });
    var entry = { group: group, data: d, items: [], labels: [], aggregate: true };
    gc.layers.push(entry);

    function chunkLayer(c) {
      if (!c.layer) {
        var data = JSON.parse(document.getElementById(c.id).textContent), n = data.points.lat.length;
        data.points.f = new Int32Array(n).map(function (_, i) { return i; });  // each point its own feature
        data.fields = d.fields;
        data.titleFrom = d.titleFrom;
        data.titles = data.titles || [];  // a layer titled by its fields (events) sends none
        data.styles = d.styles;
        c.layer = pointsOf(data, renderer, group);
      }
      return c.layer;
    }

    function wanted() {
      var z = map.getZoom();
      if (z < d.detailFrom) {
        for (var b = 0; b < bands.length; b++) { if (z <= d.bands[b].upto) { return [bands[b]]; } }
        return [bands[bands.length - 1]];
      }
      var view = map.getBounds().pad(MARGIN);
      return chunks.filter(function (c) { return view.intersects(c.bounds); }).map(chunkLayer);
    }

    function update() {
      if (map.hasLayer(group)) {
        var want = wanted();
        entry.items.forEach(function (l) { if (want.indexOf(l) < 0) { group.removeLayer(l); } });
        want.forEach(function (l) {
          if (!group.hasLayer(l)) { masked(l, gc, entry.days || []); group.addLayer(l); }
        });
        entry.items = want;
      }
      inFront(map, gc);
      cutNote(map, gc);
    }

    group.bindTooltip(function (l) { return I.tooltip(l._gcData, l._gcf); },
      { sticky: true, direction: 'top', opacity: 0.95 });
    group.bindPopup(function (l) { return I.popup(l._gcData, l._gcf); }, I.POPUP);
    map.on('moveend', update);  // after every zoom, pan and fit
    group.on('add', update);
    group.on('remove', function () { cutNote(map, gc); });
    gc.cutHooks = gc.cutHooks || [];
    if (gc.cutHooks.indexOf(gc.cutNoteHook) < 0) {
      gc.cutNoteHook = function () { cutNote(map, gc); };
      gc.cutHooks.push(gc.cutNoteHook);
    }
    update();
    return entry;
  }

  G.drawAggregate = drawAggregate;
})();
