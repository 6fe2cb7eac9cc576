use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use shared::profile::ProfileForm;
use shared::{Topic, Visibility};

use crate::api::accounts::{
    ChangePassword, DeleteAccount, EndSession, MyAccount, UpdateProfile, get_my_account,
};
use crate::api::resource::resource;
use crate::components::form::{FormAlert, TextArea, TextField, action_error, field_message};
use crate::components::layout::PageHeading;
use crate::error::AppError;

/// `/konto`: profile, password, sessions, data export and deletion.
#[component]
pub fn MyAccountPage() -> impl IntoView {
    let end_session = ServerAction::<EndSession>::new();
    let query = use_query_map();
    let saved = Memo::new(move |_| query.with(|q| q.get("gespeichert")));
    let account = resource(
        move || (end_session.version().get(), saved.get()),
        |_| get_my_account(),
    );
    view! {
        <PageHeading title="Mein Konto" />
        {move || saved.get().map(|what| {
            let text = if what == "passwort" {
                "Ihr Passwort wurde geändert. Alle anderen Sitzungen wurden beendet."
            } else {
                "Ihr Profil wurde gespeichert."
            };
            view! { <p role="status" class="notice-success">{text}</p> }
        })}
        <Suspense fallback=|| view! { <p>"Wird geladen …"</p> }>
            {move || account.get().map(|result| match result {
                Ok(account) => view! { <AccountSections account=account end_session=end_session /> }.into_any(),
                Err(AppError::Unauthorized) => view! {
                    <p class="mt-4">"Bitte " <A href="/anmelden">"melden Sie sich an"</A> ", um Ihr Konto zu sehen."</p>
                }.into_any(),
                Err(error) => view! { <p role="alert" class="field-error">{error.to_string()}</p> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn AccountSections(account: MyAccount, end_session: ServerAction<EndSession>) -> impl IntoView {
    view! {
        <p class="mt-4" data-testid="angemeldet-als">
            "Angemeldet als " <strong>{account.profile.display_name.clone()}</strong> " (" {account.email.clone()} ", " {account.role.label()} ")."
        </p>
        {account.role.is_coordinator().then(|| view! {
            <p class="mt-2"><A href="/koordination/antraege">"Mitgliedsanträge prüfen"</A></p>
        })}
        {account.role.is_admin().then(|| view! {
            <p class="mt-2"><A href="/admin/postausgang">"Postausgang ansehen"</A></p>
        })}
        <ProfileSection profile=account.profile.clone() />
        <PasswordSection />
        <SessionsSection account=account.clone() end_session=end_session />
        <section aria-labelledby="daten-titel" class="account-section">
            <h2 id="daten-titel">"Meine Daten"</h2>
            <p>"Laden Sie alles herunter, was wir über Sie gespeichert haben (JSON-Datei)."</p>
            <p class="mt-2"><a href="/konto/export.json" download="beteiligungsnetz-meine-daten.json">"Meine Daten herunterladen"</a></p>
        </section>
        <DeleteSection email=account.email.clone() />
    }
}

#[component]
fn ProfileSection(profile: ProfileForm) -> impl IntoView {
    let action = ServerAction::<UpdateProfile>::new();
    let error = action_error(action.value());
    // After a failed no-JS round trip, show what was typed; otherwise the stored profile.
    let kept = move |field: &'static str, stored: String| {
        error
            .get_untracked()
            .and_then(|e| match e {
                AppError::Validation(errors) => errors.value(field).map(str::to_owned),
                _ => None,
            })
            .unwrap_or(stored)
    };
    let visibility = kept("visibility", profile.visibility.clone());
    let topics = kept("topics", profile.topics.join(","));
    let topics: Vec<String> = topics.split(',').map(str::to_owned).collect();
    view! {
        <section aria-labelledby="profil-titel" class="account-section">
            <h2 id="profil-titel">"Profil"</h2>
            <ActionForm action=action attr:class="mt-4 flex max-w-2xl flex-col gap-5" attr:novalidate=true>
                <FormAlert error=error />
                <TextField name="display_name" label="Name" value=kept("display_name", profile.display_name.clone()) autocomplete="name" required=true error=field_message(error, "display_name") />
                <TextField name="kommune" label="Kommune" value=kept("kommune", profile.kommune.clone()) required=true hint="z. B. „Leipzig (Sachsen)“" error=field_message(error, "kommune") />
                <TextField name="position" label="Funktion" value=kept("position", profile.position.clone()) required=true error=field_message(error, "position") />
                <TextField name="department" label="Fachbereich oder Amt (optional)" value=kept("department", profile.department.clone()) error=field_message(error, "department") />
                <fieldset class="form-field">
                    <legend class="font-semibold">"Themen, zu denen Sie arbeiten"</legend>
                    <div class="mt-2 grid gap-2 sm:grid-cols-2">
                        {Topic::ALL.into_iter().map(|topic| {
                            let id = format!("topic_{}", topic.code());
                            let checked = topics.iter().any(|t| t == topic.code());
                            view! {
                                <div class="flex items-center gap-2">
                                    <input type="checkbox" id=id.clone() name=id.clone() value="ja" checked=checked class="h-5 w-5" />
                                    <label for=id>{topic.label()}</label>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
                <TextArea name="bio" label="Kurzvorstellung (optional)" value=kept("bio", profile.bio.clone()) hint="Höchstens 2.000 Zeichen." error=field_message(error, "bio") />
                <TextField name="contact_email" label="Kontakt-E-Mail (optional)" input_type="email" value=kept("contact_email", profile.contact_email.clone()) error=field_message(error, "contact_email") />
                <TextField name="contact_phone" label="Telefon (optional)" input_type="tel" value=kept("contact_phone", profile.contact_phone.clone()) error=field_message(error, "contact_phone") />
                <TextField name="website" label="Webseite (optional)" input_type="url" value=kept("website", profile.website.clone()) error=field_message(error, "website") />
                <fieldset class="form-field">
                    <legend class="font-semibold">"Wer darf Ihr Profil sehen?"</legend>
                    {Visibility::ALL.into_iter().map(|option| {
                        let id = format!("visibility_{}", option.code());
                        let checked = visibility == option.code();
                        view! {
                            <div class="mt-2 flex items-center gap-2">
                                <input type="radio" id=id.clone() name="visibility" value=option.code() checked=checked class="h-5 w-5" />
                                <label for=id>{option.label()}</label>
                            </div>
                        }
                    }).collect_view()}
                    {move || field_message(error, "visibility").get().map(|m| view! { <p class="field-error">{m}</p> })}
                </fieldset>
                <div><button type="submit" class="button-primary">"Profil speichern"</button></div>
            </ActionForm>
        </section>
    }
}

#[component]
fn PasswordSection() -> impl IntoView {
    let action = ServerAction::<ChangePassword>::new();
    let error = action_error(action.value());
    view! {
        <section aria-labelledby="passwort-titel" class="account-section">
            <h2 id="passwort-titel">"Passwort ändern"</h2>
            <p>"Nach der Änderung werden Sie auf allen anderen Geräten abgemeldet."</p>
            <ActionForm action=action attr:class="mt-4 flex max-w-md flex-col gap-5" attr:novalidate=true>
                <FormAlert error=error />
                <TextField name="current_password" label="Bisheriges Passwort" input_type="password" autocomplete="current-password" required=true error=field_message(error, "current_password") />
                <TextField name="new_password" label="Neues Passwort" input_type="password" autocomplete="new-password" required=true hint="Mindestens 12 Zeichen." error=field_message(error, "new_password") />
                <TextField name="new_password_repeat" label="Neues Passwort wiederholen" input_type="password" autocomplete="new-password" required=true error=field_message(error, "new_password_repeat") />
                <div><button type="submit" class="button-primary">"Passwort ändern"</button></div>
            </ActionForm>
        </section>
    }
}

#[component]
fn SessionsSection(account: MyAccount, end_session: ServerAction<EndSession>) -> impl IntoView {
    view! {
        <section aria-labelledby="sitzungen-titel" class="account-section">
            <h2 id="sitzungen-titel">"Angemeldete Geräte"</h2>
            <ul class="mt-4 flex flex-col gap-3" data-testid="sitzungen">
                {account.sessions.into_iter().map(|session| view! {
                    <li class="rounded border border-slate-300 p-3">
                        <p class="font-semibold">{session.user_agent.clone()}</p>
                        <p class="text-sm text-slate-700">"Angemeldet: " {session.created_at.clone()} " · zuletzt aktiv: " {session.last_seen_at.clone()}</p>
                        {if session.current {
                            view! { <p class="text-sm font-semibold">"Dieses Gerät"</p> }.into_any()
                        } else {
                            view! {
                                <ActionForm action=end_session>
                                    <input type="hidden" name="id" value=session.id.clone() />
                                    <button type="submit" class="button-secondary mt-2">"Sitzung beenden"</button>
                                </ActionForm>
                            }.into_any()
                        }}
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn DeleteSection(email: String) -> impl IntoView {
    let action = ServerAction::<DeleteAccount>::new();
    let error = action_error(action.value());
    let hint = format!("Geben Sie zur Bestätigung Ihre E-Mail-Adresse ein: {email}");
    view! {
        <section aria-labelledby="loeschen-titel" class="account-section">
            <h2 id="loeschen-titel">"Konto löschen"</h2>
            <p>"Ihr Profil verschwindet sofort von Karte und Listen. Ihre Beiträge im Austausch bleiben als „ehemaliges Mitglied“ lesbar – es sei denn, Sie löschen sie mit. Das lässt sich nicht rückgängig machen."</p>
            <ActionForm action=action attr:class="mt-4 flex max-w-md flex-col gap-4" attr:novalidate=true>
                <FormAlert error=error />
                <div class="form-field">
                    <label for="confirm_email" class="font-semibold">"E-Mail-Adresse zur Bestätigung"</label>
                    <p id="confirm_email-hinweis" class="text-sm text-slate-700">{hint}</p>
                    <input id="confirm_email" name="confirm_email" type="email" class="form-input" aria-describedby="confirm_email-hinweis" />
                    {move || field_message(error, "confirm_email").get().map(|m| view! { <p class="field-error">{m}</p> })}
                </div>
                <TextField name="password" label="Ihr Passwort zur Bestätigung" input_type="password" autocomplete="current-password" required=true error=field_message(error, "password") />
                <div class="flex items-start gap-3">
                    <input id="delete_posts" name="delete_posts" type="checkbox" value="ja" class="mt-1 h-5 w-5 shrink-0" />
                    <label for="delete_posts">"Auch meine Beiträge und Antworten im Austausch löschen"</label>
                </div>
                <div><button type="submit" class="button-danger">"Konto endgültig löschen"</button></div>
            </ActionForm>
        </section>
    }
}
