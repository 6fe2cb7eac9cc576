use crate::api::resource::resource;
use crate::components::layout::Title;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use shared::board::{BoardIndex, BoardQuery, PostKind};
use shared::forums::SizeClass;
use shared::{Bundesland, Topic};

use crate::api::board::list_board;
use crate::components::board::ThreadList;
use crate::components::layout::Refusal;

/// The filters of the URL.
fn query_of(q: &leptos_router::params::ParamsMap) -> BoardQuery {
    BoardQuery {
        q: q.get("q").unwrap_or_default(),
        art: q.get("art").unwrap_or_default(),
        thema: q.get("thema").unwrap_or_default(),
        land: q.get("land").unwrap_or_default(),
        groesse: q.get("groesse").unwrap_or_default(),
        stand: q.get("stand").unwrap_or_default(),
        seite: q.get("seite").unwrap_or_default(),
    }
}

/// The URL of the board with `query` (and page `page`).
fn url_of(query: &BoardQuery, page: u32) -> String {
    let mut pairs: Vec<(&str, String)> = [
        ("q", query.q.clone()),
        ("art", query.art.clone()),
        ("thema", query.thema.clone()),
        ("land", query.land.clone()),
        ("groesse", query.groesse.clone()),
        ("stand", query.stand.clone()),
    ]
    .into_iter()
    .filter(|(_, v)| !v.trim().is_empty())
    .collect();
    if page > 1 {
        pairs.push(("seite", page.to_string()));
    }
    if pairs.is_empty() {
        return "/austausch".to_owned();
    }
    let encoded: Vec<String> = pairs
        .into_iter()
        .map(|(k, v)| format!("{k}={}", shared::text::url_encode(&v)))
        .collect();
    format!("/austausch?{}", encoded.join("&"))
}

/// `/austausch`: the board — newest activity first, or search results; filters in the URL
/// (a plain GET form, so it works without JavaScript).
#[component]
pub fn BoardIndexPage() -> impl IntoView {
    let query = use_query_map();
    let filter = Memo::new(move |_| query.with(query_of));
    let index = resource(move || filter.get(), list_board);
    view! {
        <Title text="Erfahrungsaustausch" />
        <h1 class="text-3xl font-bold tracking-tight">"Erfahrungsaustausch"</h1>
        <p class="mt-3 max-w-3xl text-lg text-slate-700">"Fragen zur kollegialen Beratung, Praxisbeispiele, Erfahrungsberichte und Veranstaltungshinweise – von Kommunen für Kommunen."</p>
        <Transition fallback=|| view! { <p class="mt-6">"Beiträge werden geladen …"</p> }>
            {move || index.get().map(|result| match result {
                Ok(index) => view! { <Board index=index query=filter.get_untracked() /> }.into_any(),
                Err(error) => view! { <Refusal error=error /> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn Board(index: BoardIndex, query: BoardQuery) -> impl IntoView {
    let BoardIndex {
        threads,
        total,
        more,
        page,
        pages,
        may_post,
    } = index;
    let searching = !query.words().is_empty();
    let count = match (total, searching) {
        (n, true) if more => format!(
            "Mehr als {n} Treffer, die neuesten zuerst. Mit weiteren Wörtern oder Filtern finden Sie gezielter."
        ),
        (0, true) => "Keine Treffer. Versuchen Sie andere Wörter oder weniger Filter.".to_owned(),
        (0, false) => "Keine Beiträge mit diesen Filtern.".to_owned(),
        (1, true) => "1 Treffer".to_owned(),
        (1, false) => "1 Beitrag".to_owned(),
        (n, true) => format!("{n} Treffer"),
        (n, false) => format!("{n} Beiträge"),
    };
    let count = if pages > 1 {
        format!("{count} · Seite {page} von {pages}")
    } else {
        count
    };
    let previous = (page > 1).then(|| url_of(&query, page - 1));
    let next = (page < pages).then(|| url_of(&query, page + 1));
    view! {
        {if may_post {
            view! {
                <div class="mt-6 flex flex-wrap gap-3" data-testid="neuer-beitrag">
                    {PostKind::ALL.iter().map(|kind| {
                        let label = match kind {
                            PostKind::Case => "Fall zur Beratung stellen",
                            PostKind::Practice => "Praxisbeispiel teilen",
                            PostKind::Report => "Erfahrungsbericht schreiben",
                            PostKind::Event => "Veranstaltung ankündigen",
                        };
                        let class = if *kind == PostKind::Case { "button-primary inline-block no-underline" } else { "button-secondary inline-block no-underline" };
                        view! { <A href=format!("/austausch/neu?art={}", kind.code()) attr:class=class>{label}</A> }
                    }).collect_view()}
                </div>
                <p class="mt-3 text-sm"><A href="/benachrichtigungen">"Benachrichtigungen und abonnierte Themen"</A></p>
            }.into_any()
        } else {
            view! {
                <p class="mt-6 notice">
                    "Sie sehen die öffentlichen Praxisbeispiele und Erfahrungsberichte. Fälle zur kollegialen Beratung und alle übrigen Beiträge lesen und schreiben Mitglieder des Netzwerks: "
                    <A href="/anmelden">"Anmelden"</A> " oder " <A href="/mitglied-werden">"Mitglied werden"</A> "."
                </p>
            }.into_any()
        }}
        <form method="get" action="/austausch" class="mt-8 flex flex-col gap-4" role="search" aria-label="Beiträge durchsuchen">
            <div class="form-field max-w-2xl">
                <label for="suche-q" class="font-semibold">"Suche"</label>
                <div class="flex gap-3">
                    <input id="suche-q" type="search" name="q" value=query.q.clone() class="form-input flex-1" placeholder="z. B. Bürgerhaushalt Jugend" />
                    <button type="submit" class="button-primary">"Suchen"</button>
                </div>
            </div>
            <div class="grid gap-4 sm:grid-cols-3 lg:grid-cols-5">
                <FilterSelect name="art" label="Art" value=query.art.clone()
                    options=PostKind::ALL.iter().map(|k| (k.code(), k.label())).collect() />
                <FilterSelect name="thema" label="Thema" value=query.thema.clone()
                    options=Topic::ALL.iter().map(|t| (t.code(), t.label())).collect() />
                <FilterSelect name="land" label="Bundesland" value=query.land.clone()
                    options=Bundesland::ALL.iter().map(|l| (l.code(), l.name())).collect() />
                <FilterSelect name="groesse" label="Größe der Kommune" value=query.groesse.clone()
                    options=SizeClass::ALL.iter().map(|s| (s.code(), s.label())).collect() />
                <FilterSelect name="stand" label="Stand (Fälle)" value=query.stand.clone()
                    options=vec![("offen", "offen"), ("geloest", "gelöst")] />
            </div>
            <div class="flex items-center gap-4">
                <button type="submit" class="button-secondary">"Filtern"</button>
                <A href="/austausch">"Filter zurücksetzen"</A>
            </div>
        </form>
        <p class="mt-6 font-semibold" role="status" data-testid="anzahl">{count}</p>
        <ThreadList threads=threads />
        {(previous.is_some() || next.is_some()).then(|| view! {
            <nav aria-label="Seiten" class="mt-6 flex gap-6">
                {previous.map(|href| view! { <A href=href attr:rel="prev">"← Vorherige Seite"</A> })}
                {next.map(|href| view! { <A href=href attr:rel="next">"Nächste Seite →"</A> })}
            </nav>
        })}
    }
}

#[component]
fn FilterSelect(
    name: &'static str,
    label: &'static str,
    value: String,
    options: Vec<(&'static str, &'static str)>,
) -> impl IntoView {
    let id = format!("filter-{name}");
    view! {
        <div class="form-field">
            <label for=id.clone() class="font-semibold">{label}</label>
            <select id=id name=name class="form-input">
                <option value="" selected=value.is_empty()>"alle"</option>
                {options.into_iter().map(|(code, text)| {
                    let chosen = code == value;
                    view! { <option value=code selected=chosen>{text}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}
