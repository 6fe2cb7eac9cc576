use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::layout::PageHeading;

/// The entry page of an area whose functions are not yet open: says so plainly.
#[component]
pub fn SectionInPreparation(
    title: &'static str,
    lead: &'static str,
    status: &'static str,
) -> impl IntoView {
    view! {
        <PageHeading title=title lead=lead />
        <p class="mt-6 rounded-lg border border-slate-200 bg-slate-50 p-4 text-slate-700">{status}</p>
        <p class="mt-6"><A href="/">"Zur Startseite"</A></p>
    }
}
