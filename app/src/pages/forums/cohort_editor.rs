use crate::api::resource::resource;
use crate::components::layout::Title;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};
use shared::forums::{CohortEditor, ForumEditor, MeetingView};

use super::{OrganiseNav, Refusal};
use crate::api::forums::{
    CreateCohort, CreateMeeting, DeleteMeeting, UpdateCohort, UpdateMeeting, get_cohort_editor,
    get_forum_editor,
};
use crate::components::form::{FormAlert, action_error};
use crate::components::forums::{CohortFields, MeetingFields};

/// `/foren-verwaltung/{forum}/staffeln/neu`: add a cohort to a forum.
#[component]
pub fn NewCohortPage() -> impl IntoView {
    let slug = use_params_map().with_untracked(|p| p.get("forum").unwrap_or_default());
    let create = ServerAction::<CreateCohort>::new();
    let error = action_error(create.value());
    let editor = resource(move || slug.clone(), get_forum_editor);
    view! {
        <Suspense fallback=|| view! { <p>"Wird geladen …"</p> }>
            {move || editor.get().map(|result| match result {
                Ok(ForumEditor { forum, .. }) => {
                    let heading = format!("Neue Staffel: {}", forum.title);
                    view! {
                        <Title text=heading.clone() />
                        <OrganiseNav forum=(forum.slug.clone(), forum.title.clone()) />
                        <h1 class="mt-2 text-3xl font-bold tracking-tight">{heading}</h1>
                        <ActionForm action=create attr:class="mt-6 flex max-w-2xl flex-col gap-5" attr:novalidate=true>
                            <FormAlert error=error />
                            <input type="hidden" name="forum_id" value=forum.id.to_string() />
                            <CohortFields error=error />
                            <div><button type="submit" class="button-primary">"Staffel anlegen"</button></div>
                        </ActionForm>
                    }.into_any()
                }
                Err(error) => view! { <Refusal error=error /> }.into_any(),
            })}
        </Suspense>
    }
}

/// `/foren-verwaltung/{forum}/{cohort}`: edit a cohort and its meetings (`?termin={id}` edits
/// one meeting).
#[component]
pub fn CohortEditorPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let saved = Memo::new(move |_| query.with(|q| q.get("gespeichert").is_some()));
    let editing =
        Memo::new(move |_| query.with(|q| q.get("termin").and_then(|id| id.parse::<i64>().ok())));
    let update = ServerAction::<UpdateCohort>::new();
    let create_meeting = ServerAction::<CreateMeeting>::new();
    let update_meeting = ServerAction::<UpdateMeeting>::new();
    let delete_meeting = ServerAction::<DeleteMeeting>::new();
    let editor = resource(
        move || {
            (
                params.with(|p| p.get("forum").unwrap_or_default()),
                params.with(|p| p.get("cohort").unwrap_or_default()),
                update.version().get(),
                create_meeting.version().get(),
                update_meeting.version().get(),
                delete_meeting.version().get(),
            )
        },
        |(forum, cohort, _, _, _, _)| get_cohort_editor(forum, cohort),
    );
    let actions = MeetingActions {
        create: create_meeting,
        update: update_meeting,
        delete: delete_meeting,
    };
    view! {
        {move || saved.get().then(|| view! { <p role="status" class="notice-success">"Die Staffel wurde gespeichert."</p> })}
        <Suspense fallback=|| view! { <p>"Wird geladen …"</p> }>
            {move || editor.get().map(|result| match result {
                Ok(editor) => view! { <Editor editor=editor update=update actions=actions editing=editing /> }.into_any(),
                Err(error) => view! { <Refusal error=error /> }.into_any(),
            })}
        </Suspense>
    }
}

#[derive(Clone, Copy)]
struct MeetingActions {
    create: ServerAction<CreateMeeting>,
    update: ServerAction<UpdateMeeting>,
    delete: ServerAction<DeleteMeeting>,
}

#[component]
fn Editor(
    editor: CohortEditor,
    update: ServerAction<UpdateCohort>,
    actions: MeetingActions,
    editing: Memo<Option<i64>>,
) -> impl IntoView {
    let CohortEditor {
        forum,
        cohort,
        meetings,
    } = editor;
    let error = action_error(update.value());
    let heading = format!("Staffel bearbeiten: {}", cohort.name);
    let public = format!("/foren/{}/{}", forum.slug, cohort.slug);
    let here = format!("/foren-verwaltung/{}/{}", forum.slug, cohort.slug);
    let cohort_id = cohort.id;
    let list_here = here.clone();
    let list_meetings = meetings.clone();
    view! {
        <Title text=heading.clone() />
        <OrganiseNav forum=(forum.slug.clone(), forum.title.clone()) />
        <h1 class="mt-2 text-3xl font-bold tracking-tight">{heading}</h1>
        <p class="mt-2 flex flex-wrap gap-4">
            <A href=public>"Öffentliche Seite ansehen"</A>
            <A href=format!("{here}/bewerbungen")>"Bewerbungen ansehen"</A>
            <A href=format!("{here}/teilnahme")>"Teilnahme und Listen"</A>
        </p>
        <section class="account-section" aria-labelledby="angaben">
            <h2 id="angaben">"Angaben zur Staffel"</h2>
            <ActionForm action=update attr:class="mt-4 flex max-w-2xl flex-col gap-5" attr:novalidate=true>
                <FormAlert error=error />
                <input type="hidden" name="id" value=cohort.id.to_string() />
                <CohortFields error=error stored=cohort.clone() />
                <div><button type="submit" class="button-primary">"Staffel speichern"</button></div>
            </ActionForm>
        </section>
        <section class="account-section" aria-labelledby="termine">
            <h2 id="termine">"Arbeitstreffen"</h2>
            <MeetingList meetings=list_meetings here=list_here delete=actions.delete />
            {move || {
                let chosen = editing.get().and_then(|id| meetings.iter().find(|m| m.id == id).cloned());
                view! { <MeetingForm cohort_id=cohort_id chosen=chosen actions=actions here=here.clone() /> }
            }}
        </section>
    }
}

#[component]
fn MeetingList(
    meetings: Vec<MeetingView>,
    here: String,
    delete: ServerAction<DeleteMeeting>,
) -> impl IntoView {
    let delete_error = action_error(delete.value());
    view! {
        <FormAlert error=delete_error />
        {if meetings.is_empty() {
            view! { <p class="mt-3">"Noch keine Termine."</p> }.into_any()
        } else {
            view! {
                <ol class="mt-4 flex flex-col gap-3" data-testid="termine">
                    {meetings.into_iter().map(|meeting| {
                        let edit = format!("{here}?termin={}#termin-formular", meeting.id);
                        let edit_label = format!("Bearbeiten: {}", meeting.title);
                        let delete_label = format!("Löschen: {}", meeting.title);
                        view! {
                            <li class="rounded-lg border border-slate-300 p-4">
                                <h3 class="font-bold">{meeting.title.clone()}</h3>
                                <p>{meeting.when()}</p>
                                <p class="text-slate-700">{if meeting.place.is_empty() { meeting.online_url.clone() } else { meeting.place.clone() }}</p>
                                <div class="mt-2 flex flex-wrap items-center gap-4">
                                    <A href=edit>{edit_label}</A>
                                    <ActionForm action=delete>
                                        <input type="hidden" name="id" value=meeting.id.to_string() />
                                        <button type="submit" class="button-secondary">{delete_label}</button>
                                    </ActionForm>
                                </div>
                            </li>
                        }
                    }).collect_view()}
                </ol>
            }.into_any()
        }}
    }
}

#[component]
fn MeetingForm(
    cohort_id: i64,
    chosen: Option<MeetingView>,
    actions: MeetingActions,
    here: String,
) -> impl IntoView {
    let create_error = action_error(actions.create.value());
    let update_error = action_error(actions.update.value());
    match chosen {
        Some(meeting) => {
            let heading = format!("Termin bearbeiten: {}", meeting.title);
            view! {
                <h3 id="termin-formular" class="mt-8 text-xl font-bold">{heading}</h3>
                {move || {
                    actions.update.version().get();
                    let meeting = meeting.clone();
                    let id = meeting.id.to_string();
                    let cancel = here.clone();
                    view! {
                        <ActionForm action=actions.update attr:class="mt-4 flex max-w-2xl flex-col gap-5" attr:novalidate=true>
                            <FormAlert error=update_error />
                            <input type="hidden" name="id" value=id />
                            <MeetingFields error=update_error stored=meeting />
                            <div class="flex flex-wrap items-center gap-4">
                                <button type="submit" class="button-primary">"Termin speichern"</button>
                                <A href=cancel>"Abbrechen"</A>
                            </div>
                        </ActionForm>
                    }
                }}
            }
            .into_any()
        }
        None => view! {
            <h3 id="termin-formular" class="mt-8 text-xl font-bold">"Neuer Termin"</h3>
            {move || {
                // Drawn again after each submission: empty after success, kept input after an error.
                actions.create.version().get();
                view! {
                    <ActionForm action=actions.create attr:class="mt-4 flex max-w-2xl flex-col gap-5" attr:novalidate=true>
                        <FormAlert error=create_error />
                        <input type="hidden" name="cohort_id" value=cohort_id.to_string() />
                        <MeetingFields error=create_error />
                        <div><button type="submit" class="button-primary">"Termin hinzufügen"</button></div>
                    </ActionForm>
                }
            }}
        }
        .into_any(),
    }
}
