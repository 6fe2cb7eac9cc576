use crate::api::resource::resource;
use crate::components::layout::Title;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};
use shared::forums::ForumEditor;

use super::documents::DocumentEditor;
use super::{OrganiseNav, Refusal};
use crate::api::forums::{AddOrganiser, RemoveOrganiser, UpdateForum, get_forum_editor};
use crate::components::form::{FormAlert, TextField, action_error, field_message};
use crate::components::forums::{CohortCard, ForumFields, initial_value};

/// `/foren-verwaltung/{forum}`: edit a forum, see its cohorts, name its organisers.
#[component]
pub fn ForumEditorPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let saved = Memo::new(move |_| query.with(|q| q.get("gespeichert").is_some()));
    let update = ServerAction::<UpdateForum>::new();
    let add = ServerAction::<AddOrganiser>::new();
    let remove = ServerAction::<RemoveOrganiser>::new();
    let editor = resource(
        move || {
            (
                params.with(|p| p.get("forum").unwrap_or_default()),
                update.version().get(),
                add.version().get(),
                remove.version().get(),
            )
        },
        |(slug, _, _, _)| get_forum_editor(slug),
    );
    view! {
        {move || saved.get().then(|| view! { <p role="status" class="notice-success">"Das Forum wurde gespeichert."</p> })}
        <Suspense fallback=|| view! { <p>"Wird geladen …"</p> }>
            {move || editor.get().map(|result| match result {
                Ok(editor) => view! { <Editor editor=editor update=update add=add remove=remove /> }.into_any(),
                Err(error) => view! { <Refusal error=error /> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Editor(
    editor: ForumEditor,
    update: ServerAction<UpdateForum>,
    add: ServerAction<AddOrganiser>,
    remove: ServerAction<RemoveOrganiser>,
) -> impl IntoView {
    let ForumEditor {
        forum,
        cohorts,
        documents,
        organisers,
        may_name_organisers,
    } = editor;
    let error = action_error(update.value());
    let add_error = action_error(add.value());
    let remove_error = action_error(remove.value());
    let heading = format!("Forum bearbeiten: {}", forum.title);
    let slug = forum.slug.clone();
    let forum_id = forum.id;
    view! {
        <Title text=heading.clone() />
        <OrganiseNav />
        <h1 class="mt-2 text-3xl font-bold tracking-tight">{heading}</h1>
        <p class="mt-2"><A href=format!("/foren/{slug}")>"Öffentliche Seite ansehen"</A></p>
        <section class="account-section" aria-labelledby="angaben">
            <h2 id="angaben">"Angaben zum Forum"</h2>
            <ActionForm action=update attr:class="mt-4 flex max-w-2xl flex-col gap-5" attr:novalidate=true>
                <FormAlert error=error />
                <input type="hidden" name="id" value=forum.id.to_string() />
                <ForumFields error=error stored=forum.clone() />
                <div><button type="submit" class="button-primary">"Speichern"</button></div>
            </ActionForm>
        </section>
        <section class="account-section" aria-labelledby="staffeln">
            <h2 id="staffeln">"Staffeln"</h2>
            <p class="mt-3"><A href=format!("/foren-verwaltung/{slug}/staffeln/neu") attr:class="button-secondary inline-block no-underline">"Neue Staffel anlegen"</A></p>
            {if cohorts.is_empty() {
                view! { <p class="mt-3">"Noch keine Staffel."</p> }.into_any()
            } else {
                view! {
                    <ul class="mt-4 flex flex-col gap-3">
                        {cohorts.into_iter().map(|cohort| {
                            let edit = format!("/foren-verwaltung/{slug}/{}", cohort.slug);
                            let label = format!("Bearbeiten: {}", cohort.name);
                            view! {
                                <CohortCard forum_slug=slug.clone() cohort=cohort />
                                <li class="-mt-2 mb-2 pl-4"><A href=edit>{label}</A></li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        <DocumentEditor forum_slug=slug.clone() documents=documents />
        <section class="account-section" aria-labelledby="organisation">
            <h2 id="organisation">"Organisator*innen"</h2>
            <p class="mt-2 max-w-3xl text-slate-700">"Organisator*innen bearbeiten dieses Forum, seine Staffeln und Termine. Die Koordination kann alle Foren bearbeiten."</p>
            <FormAlert error=remove_error />
            {if organisers.is_empty() {
                view! { <p class="mt-3">"Noch keine Organisator*innen benannt."</p> }.into_any()
            } else {
                view! {
                    <ul class="mt-3 flex flex-col gap-2" data-testid="organisatorinnen">
                        {organisers.into_iter().map(|organiser| {
                            let label = format!("Entfernen: {}", organiser.name);
                            view! {
                                <li class="flex flex-wrap items-center gap-3">
                                    <span>{organiser.name.clone()} " (" {organiser.email.clone()} ")"</span>
                                    {may_name_organisers.then(|| view! {
                                        <ActionForm action=remove>
                                            <input type="hidden" name="forum_id" value=forum_id.to_string() />
                                            <input type="hidden" name="account_id" value=organiser.account_id.to_string() />
                                            <button type="submit" class="button-secondary">{label}</button>
                                        </ActionForm>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {may_name_organisers.then(|| view! {
                {move || {
                    // Drawn again after each addition, so a successful one empties the field.
                    add.version().get();
                    view! {
                        <ActionForm action=add attr:class="mt-4 flex max-w-xl flex-col gap-3" attr:novalidate=true>
                            <input type="hidden" name="forum_id" value=forum_id.to_string() />
                            <TextField name="email" label="E-Mail-Adresse des Mitglieds" input_type="email" value=initial_value(add_error, "email", "") error=field_message(add_error, "email") />
                            <div><button type="submit" class="button-secondary">"Als Organisator*in benennen"</button></div>
                        </ActionForm>
                    }
                }}
            })}
        </section>
    }
}
