//! A lazily loaded page's WebAssembly chunks, preloaded after the first paint.
//!
//! For a page whose code is in a route chunk, Leptos (leptos_integration_utils 0.8.9) writes a
//! `<link rel="preload">` for each WebAssembly chunk the page needs and a `<link
//! rel="modulepreload">` for the chunk loader into the `<head>`. The browser starts those
//! downloads before the first paint, where they share the line with the HTML and CSS (and
//! Lighthouse counts them toward the largest paint: 1.8–3.0 s on those pages). Here the
//! attribute becomes `data-rel`, which makes the links inert; the boot script
//! (`app::components::layout::BOOT_JS`) turns each into a preload once the first paint is shown,
//! beside the main module, so the chunks are still there when hydration asks for them.

/// Where the bundle's files are served (`site-pkg-dir` in Cargo.toml).
const PKG_HREF: &[u8] = b" href=\"/pkg/";

/// `page` with the `rel` of every preload and module preload of a bundle file in its `<head>`
/// renamed to `data-rel`, or `None` if it has none.
pub fn defer_chunk_preloads(page: &[u8]) -> Option<Vec<u8>> {
    let head_end = memchr::memmem::find(page, b"</head>")?;
    let mut renames = Vec::new();
    let mut offset = 0;
    while let Some(found) = memchr::memmem::find(&page[offset..head_end], b"<link ") {
        let start = offset + found;
        let Some(length) = memchr::memchr(b'>', &page[start..head_end]) else {
            break;
        };
        let tag = &page[start..start + length];
        let preload = [&b" rel=\"preload\""[..], b" rel=\"modulepreload\""]
            .iter()
            .find_map(|rel| memchr::memmem::find(tag, rel));
        if let Some(rel) = preload
            && memchr::memmem::find(tag, PKG_HREF).is_some()
        {
            // After the space before `rel`.
            renames.push(start + rel + 1);
        }
        offset = start + length;
    }
    if renames.is_empty() {
        return None;
    }
    let mut rewritten = Vec::with_capacity(page.len() + renames.len() * 5);
    let mut copied = 0;
    for at in renames {
        rewritten.extend_from_slice(&page[copied..at]);
        rewritten.extend_from_slice(b"data-");
        copied = at;
    }
    rewritten.extend_from_slice(&page[copied..]);
    Some(rewritten)
}

#[cfg(test)]
mod tests {
    use super::defer_chunk_preloads;

    #[test]
    fn chunk_preloads_in_the_head_become_inert() {
        let page = concat!(
            r#"<html><head><link id="leptos" rel="stylesheet" href="/pkg/app.css">"#,
            r#"<link as="fetch" crossorigin="x" href="/pkg/split_account_pages_1.a.wasm" rel="preload" type="application/wasm">"#,
            r#"<link as="fetch" href="/pkg/chunk_10.b.wasm" rel="preload" type="application/wasm">"#,
            r#"<link crossorigin="x" href="/pkg/__wasm_split.c.js" rel="modulepreload">"#,
            r#"<link rel="preload" href="/geo/bundeslaender.geo.json" as="fetch">"#,
            r#"</head><body><p>&lt;link rel="preload" href="/pkg/x.wasm"&gt;</p>"#,
            r#"<link href="/pkg/y.wasm" rel="preload"></body></html>"#,
        );
        let rewritten = String::from_utf8(defer_chunk_preloads(page.as_bytes()).unwrap()).unwrap();
        assert_eq!(
            rewritten,
            concat!(
                r#"<html><head><link id="leptos" rel="stylesheet" href="/pkg/app.css">"#,
                r#"<link as="fetch" crossorigin="x" href="/pkg/split_account_pages_1.a.wasm" data-rel="preload" type="application/wasm">"#,
                r#"<link as="fetch" href="/pkg/chunk_10.b.wasm" data-rel="preload" type="application/wasm">"#,
                r#"<link crossorigin="x" href="/pkg/__wasm_split.c.js" data-rel="modulepreload">"#,
                r#"<link rel="preload" href="/geo/bundeslaender.geo.json" as="fetch">"#,
                r#"</head><body><p>&lt;link rel="preload" href="/pkg/x.wasm"&gt;</p>"#,
                r#"<link href="/pkg/y.wasm" rel="preload"></body></html>"#,
            ),
            "only bundle preloads in the head; the stylesheet, other files and the body stay"
        );
    }

    #[test]
    fn a_page_without_chunk_preloads_is_left_alone() {
        let page = br#"<html><head><link rel="stylesheet" href="/pkg/app.css"></head><body></body></html>"#;
        assert_eq!(defer_chunk_preloads(page), None);
        assert_eq!(
            defer_chunk_preloads(b"<link href=\"/pkg/a.wasm\" rel=\"preload\">"),
            None
        );
    }
}
