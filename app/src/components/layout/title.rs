//! The document title of a page: „Seite – Beteiligungsnetz“.

use leptos::prelude::*;
use leptos::text_prop::TextProp;

/// Sets the page's `<title>`, formatted with the site's name.
///
/// Every page's title carries the formatter itself instead of one formatter-only title in
/// `App`: such a title, hydrating before the routed page, empties `document.title` until a
/// title with text hydrates, and a lazily loaded page hydrates only after its WebAssembly chunk
/// has arrived, so the document had no title meanwhile (assistive technology and axe saw it).
#[component]
pub fn Title(#[prop(into)] text: TextProp) -> impl IntoView {
    view! { <leptos_meta::Title text formatter=format_title /> }
}

/// „Seite – Beteiligungsnetz“, or the site's name alone.
fn format_title(page: String) -> String {
    let title = if page.is_empty() {
        "Beteiligungsnetz".to_owned()
    } else {
        format!("{page} – Beteiligungsnetz")
    };
    // The server writes the title's text into the document without escaping it.
    #[cfg(feature = "ssr")]
    {
        shared::text::escape_html(&title)
    }
    #[cfg(not(feature = "ssr"))]
    {
        title
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_name_the_site_and_escape_on_the_server() {
        assert_eq!(format_title(String::new()), "Beteiligungsnetz");
        let title = format_title("<b>Rat</b>".to_owned());
        assert!(title.ends_with(" – Beteiligungsnetz"), "{title}");
        #[cfg(feature = "ssr")]
        assert!(title.starts_with("&lt;b&gt;"), "{title}");
    }
}
