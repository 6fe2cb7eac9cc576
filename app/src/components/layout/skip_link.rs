use leptos::prelude::*;

/// "Skip to content" link, the first focusable element on every page.
#[component]
pub fn SkipLink() -> impl IntoView {
    view! {
        <a
            href="#inhalt"
            class="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-[2000] focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:text-blue-900 focus:shadow-lg"
        >
            "Zum Inhalt springen"
        </a>
    }
}
