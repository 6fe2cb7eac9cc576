use leptos::prelude::*;

use crate::api::resource::resource;

use crate::api::site::get_site_status;

/// A banner on every page of an installation that holds seeded demo data.
#[component]
pub fn DemoNotice() -> impl IntoView {
    let status = resource(|| (), |()| get_site_status());
    view! {
        <Suspense>
            {move || {
                status
                    .get()
                    .and_then(Result::ok)
                    .filter(|status| status.demo_data)
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
