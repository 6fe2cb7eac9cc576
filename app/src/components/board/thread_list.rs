use leptos::prelude::*;
use leptos_router::components::A;
use shared::board::{BoardVisibility, PostKind, ThreadSummary};

/// The kind of a post as a label (text, not colour alone, carries the meaning).
#[component]
pub fn KindBadge(kind: PostKind) -> impl IntoView {
    let colours = match kind {
        PostKind::Case => "border-blue-900 bg-blue-50 text-blue-900",
        PostKind::Practice => "border-green-800 bg-green-50 text-green-900",
        PostKind::Report => "border-amber-800 bg-amber-50 text-amber-900",
        PostKind::Event => "border-slate-600 bg-slate-50 text-slate-800",
    };
    view! {
        <span class=format!("inline-block rounded-full border px-3 py-0.5 text-sm font-semibold {colours}") data-kind=kind.code()>
            {kind.label()}
        </span>
    }
}

/// Threads as a list: kind, title, author and municipality, topics, replies, state; search
/// results with their highlighted excerpt.
#[component]
pub fn ThreadList(
    threads: Vec<ThreadSummary>,
    #[prop(optional)] testid: &'static str,
) -> impl IntoView {
    view! {
        <ol class="mt-4 flex flex-col gap-3" data-testid=if testid.is_empty() { "beitraege" } else { testid }>
            {threads.into_iter().map(|thread| view! { <ThreadItem thread=thread /> }).collect_view()}
        </ol>
    }
}

#[component]
fn ThreadItem(thread: ThreadSummary) -> impl IntoView {
    let href = format!("/austausch/{}", thread.id);
    let topics = shared::Topic::labels(&thread.topics);
    let author = match &thread.author.kommune {
        Some(kommune) => format!("{}, {kommune}", thread.author.name),
        None => thread.author.name.clone(),
    };
    let replies = match thread.replies {
        0 => "noch keine Antwort".to_owned(),
        1 => "1 Antwort".to_owned(),
        n => format!("{n} Antworten"),
    };
    view! {
        <li class="rounded-lg border border-slate-300 p-4" data-thread=thread.id.to_string()>
            <div class="flex flex-wrap items-center gap-2">
                <KindBadge kind=thread.kind />
                {thread.solved.then(|| view! { <span class="rounded-full border border-green-800 px-3 py-0.5 text-sm font-semibold text-green-900">"gelöst"</span> })}
                {(thread.visibility == BoardVisibility::Public).then(|| view! { <span class="text-sm text-slate-700">"öffentlich"</span> })}
                {thread.hidden.then(|| view! { <span class="text-sm font-semibold text-red-800">"ausgeblendet"</span> })}
            </div>
            <h3 class="mt-2 text-lg font-bold"><A href=href>{thread.title.clone()}</A></h3>
            {thread.excerpt_html.clone().map(|html| view! {
                // Built on the server: the text escaped, only the <mark> of the matches added.
                <p class="mt-1 text-slate-800" data-testid="treffer" inner_html=html></p>
            })}
            <p class="mt-1 text-sm text-slate-700">{author}</p>
            <p class="text-sm text-slate-700">{format!("{topics} · {replies} · zuletzt {}", thread.last_activity)}</p>
        </li>
    }
}
