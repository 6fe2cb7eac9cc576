use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::account::get_current_user;
use crate::components::layout::PageHeading;

/// `/konto`: the signed-in member's overview.
#[component]
pub fn MyAccountPage() -> impl IntoView {
    let user = Resource::new(|| (), |()| get_current_user());
    view! {
        <PageHeading title="Mein Konto" />
        <Suspense fallback=|| view! { <p>"Wird geladen …"</p> }>
            {move || {
                user.get().map(|result| match result {
                    Ok(Some(user)) => view! {
                        <div class="prose-page">
                            <p data-testid="angemeldet-als">"Angemeldet als " <strong>{user.display_name.clone()}</strong> " (" {user.role.label()} ")."</p>
                            <p>"Ihr Profil ist zunächst verborgen. Die Bearbeitung von Profil, Sichtbarkeit und Kontaktdaten wird hier freigeschaltet."</p>
                            {user.is_coordinator().then(|| view! { <p><A href="/koordination/antraege">"Mitgliedsanträge prüfen"</A></p> })}
                            {user.is_admin().then(|| view! { <p><A href="/admin/postausgang">"Postausgang ansehen"</A></p> })}
                        </div>
                    }.into_any(),
                    Ok(None) => view! {
                        <p class="mt-4">"Bitte " <A href="/anmelden">"melden Sie sich an"</A> ", um Ihr Konto zu sehen."</p>
                    }.into_any(),
                    Err(error) => view! { <p role="alert" class="field-error">{error.to_string()}</p> }.into_any(),
                })
            }}
        </Suspense>
    }
}
