use crate::api::resource::resource;
use crate::components::layout::Title;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use shared::board::{BoardVisibility, ReplyView, ThreadPage};

use super::thread_forms::{
    EditReplyForm, FlagForm, HelpfulForm, ModerateReply, ModerateThread, ReplyForm, ResolveForm,
};
use crate::api::board::get_thread;
use crate::components::board::{KindBadge, ThreadList};
use crate::components::layout::Refusal;

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
    let page = resource(move || (id.get(), reload.get()), |(id, _)| get_thread(id));
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
    let topics = shared::Topic::labels(&summary.topics);
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
