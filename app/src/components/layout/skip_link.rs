use leptos::prelude::*;

/// "Skip to content" link, the first focusable element on every page.
#[component]
pub fn SkipLink() -> impl IntoView {
    view! {
        <a
            href="#inhalt"
            on:click=move |_| focus_main()
            class="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-[2000] focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:text-blue-900 focus:shadow-lg"
        >
            "Zum Inhalt springen"
        </a>
    }
}

/// Moves keyboard focus to `<main id="inhalt">` (the router handles the hash link without
/// moving focus).
fn focus_main() {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        if let Some(main) = leptos::prelude::document()
            .get_element_by_id("inhalt")
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = main.focus();
        }
    }
}
