// The officers' map's markers and their clusters (imported by `marker_data.rs` through
// wasm-bindgen, which serves this file as a snippet of the bundle).
//
// Leaflet.markercluster, used before, made a marker for every municipality and sorted all of
// them into grids for every zoom level before it drew the first cluster: for the 2,002
// municipalities of 5,000 officers, about 100 ms on the main thread between the marker data
// and the first clusters, plus a script and two style sheets to load. Here the clusters of
// one zoom level are computed when the map first shows that level (a few milliseconds), only
// what lies in view is drawn, and a municipality's marker is made when it is first shown on
// its own.

// Markers closer than this (in pixels at the zoom shown) are drawn as one cluster.
const RADIUS = 80;

// How far beyond the visible map markers and clusters are drawn, as a share of its size, so
// that a short pan shows them at once.
const PADDING = 0.5;

export class MarkerClusters {
  // Clusters on `map`, up to the zoom level `singleFromZoom`, from which every municipality
  // has its own marker. The markers shown on their own are in `this.markers` (a feature
  // group: its `click` and `keypress` events are its markers'); the clusters' icons are in a
  // layer group of their own.
  constructor(map, singleFromZoom) {
    this.map = map;
    this.singleFromZoom = singleFromZoom;
    this.markers = L.featureGroup().addTo(map);
    this.icons = L.layerGroup().addTo(map);
    this.points = [];
    this.byAgs = new Map();
    this.levels = new Map();
    // Layers drawn now, by key (a municipality's key, or the zoom and first key of a cluster).
    this.drawn = new Map();
    map.on("moveend", () => this.draw());
  }

  // The group of the markers shown on their own (for their events).
  group() {
    return this.markers;
  }

  // Shows `kommunen` (the objects of `/api/officers/map`: `ags`, `lat`, `lon`, `title`)
  // instead of the previous ones; objects without these fields are skipped. Writes the edges
  // of all into `bounds` (south, west, north, east) and returns how many there are. Draws
  // nothing: the caller moves the map to them, and `draw` follows.
  show(kommunen, bounds) {
    // A marker keeps its popup's officers for the list it was made for.
    this.markers.clearLayers();
    this.icons.clearLayers();
    this.drawn.clear();
    this.points = [];
    this.byAgs = new Map();
    this.levels = new Map();
    bounds.set([90, 180, -90, -180]);
    for (const kommune of kommunen) {
      if (
        typeof kommune?.ags !== "string" ||
        typeof kommune.title !== "string" ||
        !Number.isFinite(kommune.lat) ||
        !Number.isFinite(kommune.lon)
      ) {
        continue;
      }
      const { ags, title, lat, lon } = kommune;
      // Web Mercator, as Leaflet's map projects it, scaled to 0..1: at zoom z a point is
      // 256 × 2^z times this many pixels from the world's top left corner.
      const sin = Math.sin((Math.max(-85, Math.min(85, lat)) * Math.PI) / 180);
      const x = (lon + 180) / 360;
      const y = 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
      const point = { ags, title, lat, lon, x, y, marker: null };
      this.points.push(point);
      this.byAgs.set(point.ags, point);
      if (point.lat < bounds[0]) bounds[0] = point.lat;
      if (point.lon < bounds[1]) bounds[1] = point.lon;
      if (point.lat > bounds[2]) bounds[2] = point.lat;
      if (point.lon > bounds[3]) bounds[3] = point.lon;
    }
    return this.points.length;
  }

  // Draws what lies in and around the map's view at its zoom level, keeping what is already
  // drawn there.
  draw() {
    const zoom = this.map.getZoom();
    const view = this.map.getBounds().pad(PADDING);
    const wanted = new Map();
    for (const cluster of this.clustersAt(zoom)) {
      if (!view.contains(cluster.center)) continue;
      const key = cluster.points.length === 1 ? cluster.points[0].ags : `${zoom} ${cluster.points[0].ags}`;
      wanted.set(key, cluster);
    }
    for (const [key, layer] of this.drawn) {
      if (!wanted.has(key)) {
        (this.markers.hasLayer(layer) ? this.markers : this.icons).removeLayer(layer);
        this.drawn.delete(key);
      }
    }
    for (const [key, cluster] of wanted) {
      if (this.drawn.has(key)) continue;
      const layer = cluster.points.length === 1 ? this.markerOf(key) : this.icon(cluster);
      (cluster.points.length === 1 ? this.markers : this.icons).addLayer(layer);
      this.drawn.set(key, layer);
    }
  }

  // The marker of the municipality `ags` (made the first time), if it is shown.
  markerOf(ags) {
    const point = this.byAgs.get(ags);
    if (!point) return undefined;
    // `ags` stays on the options: the popup loads that municipality's officers.
    point.marker ??= L.marker([point.lat, point.lon], { title: point.title, alt: point.title, ags: point.ags });
    return point.marker;
  }

  // Moves the map so that the municipality `ags` has its own marker in view, then calls
  // `done` with that marker. Does nothing for a municipality not shown.
  zoomToShow(ags, done) {
    const point = this.byAgs.get(ags);
    if (!point) return;
    const marker = this.markerOf(ags);
    let zoom = this.map.getZoom();
    while (zoom < this.singleFromZoom && !this.alone(point, zoom)) zoom = Math.floor(zoom) + 1;
    const position = L.latLng(point.lat, point.lon);
    if (zoom === this.map.getZoom() && this.map.getBounds().contains(position)) {
      done(marker);
      return;
    }
    this.map.once("moveend", () => done(marker));
    this.map.setView(position, zoom);
  }

  // Whether `point` is not clustered at `zoom`.
  alone(point, zoom) {
    return this.clustersAt(zoom).some((cluster) => cluster.points.length === 1 && cluster.points[0] === point);
  }

  // The clusters at `zoom` (computed once per zoom level and list): greedily, in the order
  // of the list, each point joins the cluster whose first point is nearest to it within
  // `RADIUS` pixels, or starts one; a cluster is drawn at the mean position of its points.
  clustersAt(zoom) {
    let clusters = this.levels.get(zoom);
    if (clusters) return clusters;
    clusters = [];
    if (zoom >= this.singleFromZoom) {
      for (const point of this.points) clusters.push({ points: [point], center: L.latLng(point.lat, point.lon) });
    } else {
      const scale = 256 * 2 ** zoom;
      const cells = new Map();
      for (const point of this.points) {
        const x = point.x * scale;
        const y = point.y * scale;
        const cluster = nearest(cells, x, y);
        if (cluster) {
          cluster.points.push(point);
          cluster.lat += point.lat;
          cluster.lon += point.lon;
        } else {
          const created = { x, y, points: [point], lat: point.lat, lon: point.lon };
          clusters.push(created);
          const key = cellKey(Math.floor(x / RADIUS), Math.floor(y / RADIUS));
          const cell = cells.get(key);
          if (cell) cell.push(created);
          else cells.set(key, [created]);
        }
      }
      for (const cluster of clusters) {
        cluster.center = L.latLng(cluster.lat / cluster.points.length, cluster.lon / cluster.points.length);
      }
    }
    this.levels.set(zoom, clusters);
    return clusters;
  }

  // A cluster's icon: the number of its municipalities; activated (click, Enter or space), it
  // zooms the map to them, at least one level further in.
  icon(cluster) {
    const count = cluster.points.length;
    const size = count < 10 ? "small" : count < 100 ? "medium" : "large";
    const label = `${count} Kommunen, heranzoomen`;
    // The icon is a button (Leaflet gives keyboard-operable markers that role) named by its
    // text: the number shown and, for screen readers, what activating it does.
    const icon = L.marker(cluster.center, {
      icon: L.divIcon({
        html: `<span class="marker-cluster-count" aria-hidden="true">${count}</span><span class="sr-only">${label}</span>`,
        className: `marker-cluster marker-cluster-${size}`,
        iconSize: L.point(40, 40),
      }),
      title: label,
    });
    const zoomIn = () => {
      const bounds = L.latLngBounds(cluster.points.map((point) => [point.lat, point.lon]));
      const zoom = Math.min(Math.max(this.map.getBoundsZoom(bounds.pad(0.1)), Math.floor(this.map.getZoom()) + 1), this.map.getMaxZoom());
      // The icon goes with the view it was drawn for; the map keeps the keyboard's focus.
      this.map.getContainer().focus({ preventScroll: true });
      this.map.setView(bounds.getCenter(), zoom);
    };
    icon.on("click", zoomIn);
    // Leaflet reports keys on a marker as `keypress` (its popups open on Enter); a button is
    // also pressed with the space bar.
    icon.on("keypress", ({ originalEvent }) => {
      if (originalEvent.key === "Enter" || originalEvent.key === " ") {
        originalEvent.preventDefault();
        zoomIn();
      }
    });
    return icon;
  }
}

// The key of the grid cell in `column` and `row` (both below 2^16 up to zoom 13).
const cellKey = (column, row) => column * 65536 + row;

// The cluster whose first point is nearest to (x, y) within `RADIUS` pixels, if any: it lies
// in the cell of (x, y) or in one of the eight around it.
function nearest(cells, x, y) {
  const column = Math.floor(x / RADIUS);
  const row = Math.floor(y / RADIUS);
  let best = null;
  let bestDistance = RADIUS * RADIUS;
  for (let dx = -1; dx <= 1; dx++) {
    for (let dy = -1; dy <= 1; dy++) {
      const cell = cells.get(cellKey(column + dx, row + dy));
      if (!cell) continue;
      for (const cluster of cell) {
        const distance = (cluster.x - x) ** 2 + (cluster.y - y) ** 2;
        if (distance <= bestDistance) {
          best = cluster;
          bestDistance = distance;
        }
      }
    }
  }
  return best;
}
