use leptos::prelude::*;

use crate::api::site::demo_data_seeded;

/// A banner on every page of an installation that holds seeded demo data.
///
/// The flag travels in the page as text (`Resource::new_str`): the browser reads `true` or
/// `false` at hydration and never loads it again (the layout is not rendered anew).
#[component]
pub fn DemoNotice() -> impl IntoView {
    let seeded = Resource::new_str(|| (), |()| demo_data_seeded());
    view! {
        <Suspense>
            {move || {
                seeded
                    .get()
                    .filter(|seeded| *seeded)
                    .map(|_| {
                        view! {
                            <div class="border-b border-amber-300 bg-amber-50" role="note">
                                <p class="mx-auto max-w-6xl px-4 py-2 text-sm text-amber-950">
                                    <strong>"Demo-Installation: "</strong>
                                    "Personen, Foren und Beiträge auf dieser Seite sind erfundene Beispieldaten."
                                </p>
                            </div>
                        }
                    })
            }}
        </Suspense>
    }
}
