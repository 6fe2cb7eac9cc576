use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};
use shared::board::{BoardVisibility, PostKind, ReplyView, ThreadPage};

use crate::api::board::{
    DeleteReply, EditReply, FlagPost, LockThread, MarkHelpful, ModeratePost, ReplyToThread,
    ResolveCase, get_thread,
};
use crate::components::board::{KindBadge, ThreadList, WRITING_HINT};
use crate::components::form::{FormAlert, action_error, kept_value, textarea_text};
use crate::components::layout::Refusal;
use crate::error::AppError;

/// Reloads the thread when `action` succeeded (in the browser; without JavaScript the
/// browser loads the page again anyway).
fn reload_on_success<S>(action: ServerAction<S>, reload: RwSignal<u32>)
where
    S: leptos::server_fn::ServerFn<Output = (), Error = AppError> + Clone + Send + Sync + 'static,
{
    Effect::new(move |_| {
        if matches!(action.value().get(), Some(Ok(()))) {
            reload.update(|n| *n += 1);
        }
    });
}

/// `/austausch/{id}`: a thread with its replies. New replies appear live (server-sent events);
/// without JavaScript a link loads the page again.
#[component]
pub fn ThreadPageView() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params.with(|p| {
            p.get("id")
                .and_then(|id| id.parse::<i64>().ok())
                .unwrap_or(0)
        })
    });
    let reload = RwSignal::new(0_u32);
    let page = Resource::new(move || (id.get(), reload.get()), |(id, _)| get_thread(id));
    view! {
        <Transition fallback=|| view! { <p>"Beitrag wird geladen …"</p> }>
            {move || page.get().map(|result| match result {
                Ok(page) => view! { <Thread page=page reload=reload /> }.into_any(),
                Err(error) => view! { <Refusal error=error /> }.into_any(),
            })}
        </Transition>
    }
}

/// Text for „n Antworten“.
fn replies_text(count: usize) -> String {
    match count {
        0 => "Noch keine Antworten".to_owned(),
        1 => "1 Antwort".to_owned(),
        n => format!("{n} Antworten"),
    }
}

#[component]
fn Thread(page: ThreadPage, reload: RwSignal<u32>) -> impl IntoView {
    let ThreadPage {
        summary,
        sections,
        tags,
        event,
        outcome_html,
        locked,
        hidden_reason,
        replies,
        may_edit,
        may_resolve,
        may_mark_helpful,
        may_moderate,
        may_reply,
        last_event: _,
        revisions,
        similar,
    } = page;
    let thread_id = summary.id;
    let replies = RwSignal::new(replies);
    let fresh = RwSignal::new(false);
    #[cfg(feature = "hydrate")]
    {
        // A new or changed reply: load the replies again (the rest of the page, and what the
        // reader is typing, stays as it is).
        crate::components::board::live::follow_thread(thread_id, move || {
            leptos::task::spawn_local(async move {
                if let Ok(page) = get_thread(thread_id).await {
                    replies.set(page.replies);
                    fresh.set(true);
                }
            });
        });
    }
    let topics = summary
        .topics
        .iter()
        .map(|t| t.label())
        .collect::<Vec<_>>()
        .join(", ");
    let author = match &summary.author.kommune {
        Some(kommune) => format!("{} · {kommune}", summary.author.name),
        None => summary.author.name.clone(),
    };
    let here = format!("/austausch/{thread_id}");
    let kind = summary.kind;
    // Built in parts, each type-erased: one nested view type of the whole page would need
    // more stack than a worker thread has in a debug build.
    let header = view! {
        <Title text=summary.title.clone() />
        <p class="text-sm"><A href="/austausch">"Austausch"</A></p>
        <div class="mt-2 flex flex-wrap items-center gap-2">
            <KindBadge kind=kind />
            {summary.solved.then(|| view! { <span class="rounded-full border border-green-800 px-3 py-0.5 text-sm font-semibold text-green-900" data-testid="geloest">"gelöst"</span> })}
            <span class="text-sm text-slate-700">{if summary.visibility == BoardVisibility::Public { "öffentlich" } else { "nur für Mitglieder" }}</span>
        </div>
        <h1 class="mt-2 text-3xl font-bold tracking-tight">{summary.title.clone()}</h1>
        <p class="mt-2 text-slate-700" data-testid="autor">{author}</p>
        <p class="text-sm text-slate-700">{format!("Themen: {topics}")}{(!tags.is_empty()).then(|| format!(" · Schlagworte: {}", tags.join(", ")))}</p>
        {hidden_reason.clone().map(|reason| view! {
            <p class="mt-4 notice" role="status" data-testid="ausgeblendet">{format!("Von der Moderation ausgeblendet: {reason}. Nur Sie und die Koordination sehen diesen Beitrag.")}</p>
        })}
        {locked.then(|| view! { <p class="mt-4 notice" role="status">"Dieser Beitrag ist gesperrt: Antworten sind nicht mehr möglich."</p> })}
        {event.map(|(date, time, place)| view! {
            <dl class="profile-facts">
                <dt>"Wann"</dt><dd>{format!("{} um {} Uhr", date.long_german(), time)}</dd>
                <dt>"Wo"</dt><dd>{place}</dd>
            </dl>
            <p class="mt-2"><a href=format!("{here}/termin.ics") rel="external" download="">"In den Kalender übernehmen (.ics)"</a></p>
        })}
    }
    .into_any();
    let body = view! {
        <div class="mt-6 flex max-w-3xl flex-col gap-6">
            {sections.into_iter().map(|section| view! {
                <section aria-labelledby=format!("abschnitt-{}", section.key)>
                    <h2 id=format!("abschnitt-{}", section.key) class="text-xl font-bold">{section.heading}</h2>
                    // Rendered and sanitised on the server (Markdown, no raw HTML, no images).
                    <div class="board-text mt-2" inner_html=section.html></div>
                </section>
            }).collect_view()}
        </div>
        {(!revisions.is_empty()).then(|| view! {
            <details class="mt-4 text-sm text-slate-700">
                <summary>{format!("Bearbeitet ({}×), zuletzt am {}", revisions.len(), revisions.last().cloned().unwrap_or_default())}</summary>
                <ul class="mt-1 list-disc pl-6">{revisions.iter().map(|at| view! { <li>{format!("Bearbeitet am {at}")}</li> }).collect_view()}</ul>
            </details>
        })}
        {outcome_html.map(|html| view! {
            <section class="mt-6 max-w-3xl rounded-lg border border-green-800 bg-green-50 p-4" aria-labelledby="ergebnis" data-testid="ergebnis">
                <h2 id="ergebnis" class="text-xl font-bold">"Ergebnis"</h2>
                <div class="board-text mt-2" inner_html=html></div>
            </section>
        })}
    }
    .into_any();
    let tools = view! {
        <div class="mt-4 flex flex-wrap gap-4">
            {may_edit.then(|| view! { <A href=format!("{here}/bearbeiten") attr:class="button-secondary inline-block no-underline">"Beitrag bearbeiten"</A> })}
        </div>
        {may_resolve.then(|| view! { <ResolveForm thread_id=thread_id reload=reload /> })}
        {may_reply.then(|| view! { <FlagForm thread_id=thread_id post_id=None reload=reload /> })}
        {may_moderate.then(|| view! { <ModerateThread thread_id=thread_id hidden=hidden_reason.is_some() locked=locked reload=reload /> })}
    }
    .into_any();
    let answers = view! {
        <section class="mt-10 max-w-3xl" aria-labelledby="antworten">
            <h2 id="antworten" class="text-2xl font-bold">{move || replies.with(|r| replies_text(r.iter().filter(|r| !r.deleted).count()))}</h2>
            <ol class="mt-4 flex flex-col gap-4" data-testid="antworten">
                <For
                    each=move || replies.get()
                    key=|reply| (reply.id, reply.edited_at.clone(), reply.helpful, reply.hidden.clone(), reply.deleted)
                    children=move |reply| view! {
                        <ReplyItem reply=reply thread_id=thread_id may_mark_helpful=may_mark_helpful may_flag=may_reply may_moderate=may_moderate reload=reload />
                    }
                />
            </ol>
            <p class="mt-4" aria-live="polite" data-testid="live">
                {move || fresh.get().then_some("Neue Antworten sind eingetroffen und oben eingefügt. ")}
                <a href=format!("{here}?aktualisiert#antworten")>"Neue Antworten – neu laden"</a>
            </p>
            {if may_reply {
                view! { <ReplyForm thread_id=thread_id replies=replies kind=kind /> }.into_any()
            } else if locked {
                ().into_any()
            } else {
                view! {
                    <p class="mt-6 notice">"Antworten können angemeldete Mitglieder. " <A href="/anmelden">"Anmelden"</A></p>
                }.into_any()
            }}
        </section>
    }
    .into_any();
    let similar = (!similar.is_empty()).then(|| {
        view! {
            <section class="mt-10" aria-labelledby="aehnlich">
                <h2 id="aehnlich" class="text-2xl font-bold">"Ähnliche Fälle"</h2>
                <ThreadList threads=similar testid="aehnliche-faelle" />
            </section>
        }
        .into_any()
    });
    view! { {header} {body} {tools} {answers} {similar} }
}

/// A reply with what the viewer may do with it.
#[component]
fn ReplyItem(
    reply: ReplyView,
    thread_id: i64,
    may_mark_helpful: bool,
    may_flag: bool,
    may_moderate: bool,
    reload: RwSignal<u32>,
) -> impl IntoView {
    let anchor = format!("antwort-{}", reply.id);
    let author = match &reply.author.kommune {
        Some(kommune) => format!("{}, {kommune}", reply.author.name),
        None => reply.author.name.clone(),
    };
    let written = match &reply.edited_at {
        Some(edited) => format!("{} (bearbeitet am {edited})", reply.written_at),
        None => reply.written_at.clone(),
    };
    let body = if reply.deleted {
        view! { <p class="italic text-slate-700">"Diese Antwort wurde gelöscht."</p> }.into_any()
    } else if reply.html.is_empty() {
        view! { <p class="italic text-slate-700">"Diese Antwort wurde von der Moderation ausgeblendet."</p> }.into_any()
    } else {
        // Rendered and sanitised on the server.
        view! { <div class="board-text" inner_html=reply.html.clone()></div> }.into_any()
    };
    let shown = !reply.deleted && !reply.html.is_empty();
    view! {
        <li id=anchor class=if reply.helpful { "rounded-lg border-2 border-green-800 p-4" } else { "rounded-lg border border-slate-300 p-4" } data-reply=reply.id.to_string()>
            <p class="text-sm text-slate-700">
                <span class="font-semibold text-slate-900">{author}</span> " · " {written}
                {reply.helpful.then(|| view! { " · " <span class="font-semibold text-green-900" data-testid="hilfreich">"hilfreich"</span> })}
            </p>
            {reply.hidden.clone().filter(|_| shown).map(|reason| view! {
                <p class="mt-1 text-sm font-semibold text-red-800">{format!("Ausgeblendet: {reason}")}</p>
            })}
            <div class="mt-2">{body}</div>
            {shown.then(|| view! {
                <div class="mt-3 flex flex-wrap items-start gap-4 text-sm">
                    {may_flag.then(|| view! { <A href=format!("?zitat={}#antwort-schreiben", reply.id)>"Zitieren"</A> })}
                    {may_mark_helpful.then(|| view! { <HelpfulForm post_id=reply.id helpful=reply.helpful reload=reload /> })}
                    {reply.may_edit.then(|| view! { <EditReplyForm reply=reply.clone() reload=reload /> })}
                    {(may_flag && !reply.may_edit).then(|| view! { <FlagForm thread_id=thread_id post_id=Some(reply.id) reload=reload /> })}
                    {may_moderate.then(|| view! { <ModerateReply thread_id=thread_id post_id=reply.id hidden=reply.hidden.is_some() reload=reload /> })}
                </div>
            })}
        </li>
    }
}

/// The field errors of a per-item form only when they belong to this item (`target`).
fn scoped(error: Signal<Option<AppError>>, target: String) -> Signal<Option<AppError>> {
    Signal::derive(move || {
        error.get().filter(|e| match e {
            AppError::Validation(errors) => errors.value("target") == Some(target.as_str()),
            _ => true,
        })
    })
}

#[component]
fn HelpfulForm(post_id: i64, helpful: bool, reload: RwSignal<u32>) -> impl IntoView {
    let action = ServerAction::<MarkHelpful>::new();
    reload_on_success(action, reload);
    view! {
        <ActionForm action=action>
            <input type="hidden" name="id" value=post_id.to_string() />
            <input type="hidden" name="helpful" value=if helpful { "nein" } else { "ja" } />
            <button type="submit" class="underline">{if helpful { "Nicht mehr als hilfreich markieren" } else { "Als hilfreich markieren" }}</button>
        </ActionForm>
    }
}

#[component]
fn EditReplyForm(reply: ReplyView, reload: RwSignal<u32>) -> impl IntoView {
    let edit = ServerAction::<EditReply>::new();
    let delete = ServerAction::<DeleteReply>::new();
    reload_on_success(edit, reload);
    reload_on_success(delete, reload);
    let target = reply.id.to_string();
    let error = scoped(action_error(edit.value()), target.clone());
    let field_id = format!("antwort-{}-text", reply.id);
    let mine = kept_value(error, "target") == target;
    let text = if mine {
        kept_value(error, "body")
    } else {
        reply.markdown.clone().unwrap_or_default()
    };
    let open = error.get_untracked().is_some();
    view! {
        <details open=open>
            <summary class="cursor-pointer underline">"Bearbeiten oder löschen"</summary>
            <ActionForm action=edit attr:class="mt-2 flex flex-col gap-3" attr:novalidate=true>
                <FormAlert error=error />
                <input type="hidden" name="id" value=reply.id.to_string() />
                <label for=field_id.clone() class="font-semibold">"Ihre Antwort"</label>
                <textarea id=field_id name="body" rows="5" class="form-input">{textarea_text(text)}</textarea>
                <div><button type="submit" class="button-secondary">"Änderung speichern"</button></div>
            </ActionForm>
            <ActionForm action=delete attr:class="mt-3">
                <input type="hidden" name="id" value=reply.id.to_string() />
                <button type="submit" class="button-danger">"Antwort löschen"</button>
            </ActionForm>
        </details>
    }
}

#[component]
fn FlagForm(thread_id: i64, post_id: Option<i64>, reload: RwSignal<u32>) -> impl IntoView {
    let action = ServerAction::<FlagPost>::new();
    reload_on_success(action, reload);
    let target = post_id.map(|id| id.to_string()).unwrap_or_default();
    let error = scoped(action_error(action.value()), target.clone());
    // After a report the server sends the reader back with `?gemeldet=<target>` (also without
    // JavaScript, where the action's value does not survive the redirect).
    let query = use_query_map();
    let reported = if target.is_empty() {
        "beitrag".to_owned()
    } else {
        target.clone()
    };
    let reported_here = {
        let reported = reported.clone();
        move || query.with(|q| q.get("gemeldet").as_deref() == Some(reported.as_str()))
    };
    let done = Signal::derive({
        let reported_here = reported_here.clone();
        move || matches!(action.value().get(), Some(Ok(()))) || reported_here()
    });
    let field_id = format!("melden-{reported}");
    let open = error.get_untracked().is_some() || reported_here();
    let kept_reason = if kept_value(error, "target") == target {
        kept_value(error, "reason")
    } else {
        String::new()
    };
    view! {
        <details open=open class="text-sm" id=format!("melden-{reported}-bereich")>
            <summary class="cursor-pointer underline">{if post_id.is_some() { "Antwort melden" } else { "Beitrag melden" }}</summary>
            {move || if done.get() {
                view! { <p role="status" class="mt-2">"Danke. Die Koordination sieht sich die Meldung an."</p> }.into_any()
            } else {
                let (target, field_id, kept_reason) = (target.clone(), field_id.clone(), kept_reason.clone());
                view! {
                    <ActionForm action=action attr:class="mt-2 flex flex-col gap-2" attr:novalidate=true>
                        <FormAlert error=error />
                        <input type="hidden" name="thread_id" value=thread_id.to_string() />
                        <input type="hidden" name="post_id" value=target.clone() />
                        <label for=field_id.clone() class="font-semibold">"Was ist daran nicht in Ordnung?"</label>
                        <textarea id=field_id.clone() name="reason" rows="2" class="form-input">{textarea_text(kept_reason.clone())}</textarea>
                        <div><button type="submit" class="button-secondary">"Melden"</button></div>
                    </ActionForm>
                }.into_any()
            }}
        </details>
    }
    .into_any()
}

#[component]
fn ModerateReply(
    thread_id: i64,
    post_id: i64,
    hidden: bool,
    reload: RwSignal<u32>,
) -> impl IntoView {
    view! { <HideForm thread_id=thread_id post_id=Some(post_id) hidden=hidden reload=reload /> }
}

#[component]
fn HideForm(
    thread_id: i64,
    post_id: Option<i64>,
    hidden: bool,
    reload: RwSignal<u32>,
) -> impl IntoView {
    let action = ServerAction::<ModeratePost>::new();
    reload_on_success(action, reload);
    let target = post_id.map(|id| id.to_string()).unwrap_or_default();
    let error = scoped(action_error(action.value()), target.clone());
    let field_id = format!(
        "ausblenden-{}",
        post_id.map_or_else(|| "beitrag".to_owned(), |id| id.to_string())
    );
    let open = error.get_untracked().is_some();
    view! {
        <details open=open class="text-sm">
            <summary class="cursor-pointer underline">{if hidden { "Wieder einblenden" } else { "Ausblenden (Moderation)" }}</summary>
            <ActionForm action=action attr:class="mt-2 flex flex-col gap-2" attr:novalidate=true>
                <FormAlert error=error />
                <input type="hidden" name="thread_id" value=thread_id.to_string() />
                <input type="hidden" name="post_id" value=target />
                <input type="hidden" name="hide" value=if hidden { "nein" } else { "ja" } />
                {(!hidden).then(|| view! {
                    <label for=field_id.clone() class="font-semibold">"Grund (sieht die Verfasserin oder der Verfasser)"</label>
                    <textarea id=field_id.clone() name="reason" rows="2" class="form-input"></textarea>
                })}
                {hidden.then(|| view! { <input type="hidden" name="reason" value="" /> })}
                <div><button type="submit" class="button-secondary">{if hidden { "Einblenden" } else { "Ausblenden" }}</button></div>
            </ActionForm>
        </details>
    }
}

#[component]
fn ModerateThread(
    thread_id: i64,
    hidden: bool,
    locked: bool,
    reload: RwSignal<u32>,
) -> impl IntoView {
    let lock = ServerAction::<LockThread>::new();
    reload_on_success(lock, reload);
    view! {
        <section class="mt-6 rounded-lg border border-slate-300 p-4" aria-labelledby="moderation">
            <h2 id="moderation" class="text-lg font-bold">"Moderation"</h2>
            <div class="mt-2 flex flex-wrap items-start gap-6">
                <HideForm thread_id=thread_id post_id=None hidden=hidden reload=reload />
                <ActionForm action=lock>
                    <input type="hidden" name="thread_id" value=thread_id.to_string() />
                    <input type="hidden" name="locked" value=if locked { "nein" } else { "ja" } />
                    <button type="submit" class="button-secondary">{if locked { "Sperre aufheben" } else { "Beitrag sperren" }}</button>
                </ActionForm>
                <A href="/koordination/moderation">"Zur Moderation"</A>
            </div>
        </section>
    }
}

#[component]
fn ResolveForm(thread_id: i64, reload: RwSignal<u32>) -> impl IntoView {
    let action = ServerAction::<ResolveCase>::new();
    reload_on_success(action, reload);
    let error = action_error(action.value());
    let open = error.get_untracked().is_some();
    view! {
        <details open=open class="mt-6 max-w-3xl rounded-lg border border-slate-300 p-4">
            <summary class="cursor-pointer font-semibold">"Fall abschließen („gelöst“)"</summary>
            <ActionForm action=action attr:class="mt-3 flex flex-col gap-3" attr:novalidate=true>
                <FormAlert error=error />
                <input type="hidden" name="thread_id" value=thread_id.to_string() />
                <label for="ergebnis-text" class="font-semibold">"Was ist herausgekommen?"</label>
                <p class="text-sm text-slate-700" id="ergebnis-hinweis">"Fassen Sie für alle, die später dieselbe Frage haben, das Ergebnis zusammen: welcher Rat geholfen hat und was Sie nun tun."</p>
                <textarea id="ergebnis-text" name="outcome" rows="4" class="form-input" aria-describedby="ergebnis-hinweis">{textarea_text(kept_value(error, "outcome"))}</textarea>
                <div><button type="submit" class="button-primary">"Als gelöst abschließen"</button></div>
            </ActionForm>
        </details>
    }
}

/// The reply form; a quote link (`?zitat=<id>`) fills it with the quoted reply.
#[component]
fn ReplyForm(thread_id: i64, replies: RwSignal<Vec<ReplyView>>, kind: PostKind) -> impl IntoView {
    let action = ServerAction::<ReplyToThread>::new();
    let error = action_error(action.value());
    let query = use_query_map();
    let label = if kind == PostKind::Case {
        "Ihr Rat"
    } else {
        "Ihre Antwort"
    };
    view! {
        <section class="mt-8" aria-labelledby="antwort-schreiben">
            <h2 id="antwort-schreiben" class="text-xl font-bold">"Antworten"</h2>
            {move || {
                // Re-rendered after a successful reply (empty form) and for a quote.
                let _ = action.version().get();
                let quote = query.with(|q| q.get("zitat")).and_then(|id| id.parse::<i64>().ok());
                let quoted = quote.and_then(|id| replies.with_untracked(|all| all.iter().find(|r| r.id == id).cloned()));
                let initial = match (error.get_untracked(), quoted) {
                    (Some(_), _) => kept_value(error, "body"),
                    (None, Some(reply)) => {
                        let mut text = format!("> @\"{}\" schrieb:\n", reply.author.name);
                        for line in reply.markdown.unwrap_or_default().lines() {
                            text.push_str("> ");
                            text.push_str(line);
                            text.push('\n');
                        }
                        text.push('\n');
                        text
                    }
                    (None, None) => String::new(),
                };
                view! {
                    <ActionForm action=action attr:class="mt-3 flex flex-col gap-3" attr:novalidate=true>
                        <FormAlert error=error />
                        <input type="hidden" name="thread_id" value=thread_id.to_string() />
                        <label for="antwort-text" class="font-semibold">{label}</label>
                        <p id="antwort-hinweis" class="text-sm text-slate-700">{WRITING_HINT}</p>
                        <textarea id="antwort-text" name="body" rows="6" class="form-input" aria-describedby="antwort-hinweis">{textarea_text(initial)}</textarea>
                        {move || error.get().and_then(|e| e.field_message("body")).map(|m| view! { <p class="field-error">{m}</p> })}
                        <div><button type="submit" class="button-primary">"Antwort senden"</button></div>
                    </ActionForm>
                }
            }}
        </section>
    }
}
