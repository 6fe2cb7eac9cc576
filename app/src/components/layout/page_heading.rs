use crate::components::layout::Title;
use leptos::prelude::*;

/// The page's `<h1>` and document title in one.
#[component]
pub fn PageHeading(
    /// Visible heading and `<title>` prefix.
    title: &'static str,
    /// Optional lead paragraph below the heading.
    #[prop(optional)]
    lead: Option<&'static str>,
) -> impl IntoView {
    view! {
        <Title text=title />
        <h1 class="text-3xl font-bold tracking-tight text-slate-900">{title}</h1>
        {lead.map(|lead| view! { <p class="mt-3 max-w-3xl text-lg text-slate-700">{lead}</p> })}
    }
}
