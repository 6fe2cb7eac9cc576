use crate::api::resource::resource;
use crate::components::layout::Title;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use shared::officers::OfficerProfile;
use shared::text::format_thousands;

use crate::api::officers::get_officer_profile;
use crate::error::AppError;

/// `/beauftragte/{id}`: a profile as the viewer may see it, with colleagues nearby.
#[component]
pub fn OfficerProfilePage() -> impl IntoView {
    let id = use_params_map().with_untracked(|p| {
        p.get("id")
            .and_then(|id| id.parse::<i64>().ok())
            .unwrap_or(0)
    });
    let profile = resource(move || id, get_officer_profile);
    view! {
        <Suspense fallback=|| view! { <p>"Profil wird geladen …"</p> }>
            {move || profile.get().map(|result| match result {
                Ok(profile) => view! { <ProfileView profile=profile /> }.into_any(),
                Err(AppError::NotFound) => view! {
                    <Title text="Profil nicht gefunden" />
                    <h1 class="text-3xl font-bold">"Profil nicht gefunden"</h1>
                    <p class="mt-3">"Dieses Profil gibt es nicht, oder es ist nicht für Sie sichtbar."</p>
                    <p class="mt-4"><A href="/karte">"Zur Karte der Beauftragten"</A></p>
                }.into_any(),
                Err(error) => view! { <p role="alert" class="field-error">{error.to_string()}</p> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn ProfileView(profile: OfficerProfile) -> impl IntoView {
    let officer = profile.officer.clone();
    let topics = shared::Topic::labels(&officer.topics);
    view! {
        <Title text=officer.name.clone() />
        <h1 class="text-3xl font-bold tracking-tight">{officer.name.clone()}</h1>
        <p class="mt-2 text-lg text-slate-700">{officer.position.clone()}</p>
        <dl class="profile-facts">
            <dt>"Kommune"</dt>
            <dd><A href=format!("/kommunen/{}", officer.ags)>{officer.kommune.clone()}</A> " (" {officer.land.name()} ", rund " {format_thousands(profile.population)} " Einwohner*innen)"</dd>
            {(!profile.department.is_empty()).then(|| view! { <dt>"Fachbereich"</dt><dd>{profile.department.clone()}</dd> })}
            <dt>"Themen"</dt>
            <dd>{if topics.is_empty() { "Keine Angabe".to_owned() } else { topics }}</dd>
            <dt>"E-Mail"</dt>
            <dd>{match profile.contact_email.clone() {
                Some(email) => view! { <a href=format!("mailto:{email}")>{email.clone()}</a> }.into_any(),
                None => view! { <span>"Für angemeldete Mitglieder sichtbar."</span> }.into_any(),
            }}</dd>
            {(!profile.contact_phone.is_empty()).then(|| view! { <dt>"Telefon"</dt><dd>{profile.contact_phone.clone()}</dd> })}
            {(!profile.website.is_empty()).then(|| view! {
                <dt>"Webseite"</dt>
                <dd><a href=profile.website.clone() rel="noopener noreferrer nofollow">{profile.website.clone()}</a></dd>
            })}
        </dl>
        {(!profile.bio.is_empty()).then(|| view! {
            <section aria-labelledby="vorstellung" class="mt-8 max-w-3xl">
                <h2 id="vorstellung" class="text-xl font-bold">"Vorstellung"</h2>
                <p class="mt-2 whitespace-pre-line">{profile.bio.clone()}</p>
            </section>
        })}
        <section aria-labelledby="kollegen" class="mt-8">
            <h2 id="kollegen" class="text-xl font-bold">"Kolleg*innen in der Nähe"</h2>
            {if profile.colleagues.is_empty() {
                view! { <p class="mt-2">"Noch keine weiteren sichtbaren Profile."</p> }.into_any()
            } else {
                view! {
                    <ol class="mt-2 flex flex-col gap-2" data-testid="kollegen">
                        {profile.colleagues.into_iter().map(|colleague| {
                            let shared = shared::Topic::labels(&colleague.shared_topics);
                            view! {
                                <li class="rounded border border-slate-200 px-3 py-2">
                                    <A href=format!("/beauftragte/{}", colleague.officer.id) attr:class="font-semibold">{colleague.officer.name.clone()}</A>
                                    <p class="text-sm text-slate-700">
                                        {colleague.officer.position.clone()} " · " {colleague.officer.kommune.clone()} " · "
                                        {format!("{} km entfernt", shared::text::whole_km(colleague.distance_km))}
                                    </p>
                                    {(!shared.is_empty()).then(|| view! { <p class="text-sm">"Gemeinsame Themen: " {shared}</p> })}
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </section>
        <p class="mt-8"><A href="/karte">"Zur Karte der Beauftragten"</A></p>
    }
}
