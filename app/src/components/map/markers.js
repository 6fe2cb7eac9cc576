// The officers' map's markers, made where Leaflet lives (imported by `marker_data.rs` through
// wasm-bindgen, which serves this file as a snippet of the bundle).
//
// Made from WebAssembly, each marker crossed into JavaScript about fifteen times (reading its
// four fields, building its options, the marker, its position); for the 2,002 markers of
// 5,000 officers that was most of the time between the marker data and the first clusters.
// Here one call makes a whole slice of them.

// Makes markers for `kommunen[from..]` (the objects of `/api/officers/map`: `ags`, `lat`,
// `lon`, `title`), pushing them onto `layers` and widening `bounds` (south, west, north,
// east), until all are made or `budgetMs` have passed. Objects without these fields are
// skipped. Returns the index of the first object not yet looked at.
export function makeMarkers(kommunen, from, budgetMs, layers, bounds) {
  const stop = performance.now() + budgetMs;
  let i = from;
  while (i < kommunen.length) {
    const kommune = kommunen[i++];
    if (
      typeof kommune?.ags === "string" &&
      typeof kommune.title === "string" &&
      Number.isFinite(kommune.lat) &&
      Number.isFinite(kommune.lon)
    ) {
      const { ags, title, lat, lon } = kommune;
      // `ags` stays on the options: the popup loads that municipality's officers.
      layers.push(L.marker([lat, lon], { title, alt: title, ags }));
      if (lat < bounds[0]) bounds[0] = lat;
      if (lon < bounds[1]) bounds[1] = lon;
      if (lat > bounds[2]) bounds[2] = lat;
      if (lon > bounds[3]) bounds[3] = lon;
    }
    if ((i & 63) === 0 && performance.now() > stop) break;
  }
  return i;
}

// The marker among `layers` of the municipality `ags`, if any.
export function markerOf(layers, ags) {
  return layers.find((marker) => marker.options.ags === ags);
}
