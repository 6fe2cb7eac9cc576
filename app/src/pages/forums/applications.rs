use crate::api::resource::resource;
use crate::components::layout::Title;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};
use shared::Bundesland;
use shared::forums::{
    ApplicationFilter, ApplicationList, ApplicationStatus, Balance, BodyKind, DecisionRole,
    SizeClass,
};

use super::{OrganiseNav, Refusal};
use crate::api::forums::list_applications;

/// `/foren-verwaltung/{forum}/{cohort}/bewerbungen`: the applications of a cohort for its
/// organisers — filters in the URL (a plain GET form), counts, the balance of seats.
#[component]
pub fn ApplicationsPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let filter = Memo::new(move |_| {
        query.with(|q| ApplicationFilter {
            status: q.get("status").unwrap_or_default(),
            land: q.get("land").unwrap_or_default(),
            role: q.get("role").unwrap_or_default(),
            art: q.get("art").unwrap_or_default(),
            groesse: q.get("groesse").unwrap_or_default(),
        })
    });
    let list = resource(
        move || {
            (
                params.with(|p| p.get("forum").unwrap_or_default()),
                params.with(|p| p.get("cohort").unwrap_or_default()),
                filter.get(),
            )
        },
        |(forum, cohort, filter)| list_applications(forum, cohort, filter),
    );
    view! {
        <Suspense fallback=|| view! { <p>"Wird geladen …"</p> }>
            {move || list.get().map(|result| match result {
                Ok(list) => view! { <Applications list=list filter=filter.get_untracked() /> }.into_any(),
                Err(error) => view! { <Refusal error=error /> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Applications(list: ApplicationList, filter: ApplicationFilter) -> impl IntoView {
    let ApplicationList {
        forum,
        cohort,
        rows,
        counts,
        balance,
    } = list;
    let heading = format!("Bewerbungen: {}", cohort.name);
    let here = format!(
        "/foren-verwaltung/{}/{}/bewerbungen",
        forum.slug, cohort.slug
    );
    let editor = format!("/foren-verwaltung/{}/{}", forum.slug, cohort.slug);
    let counts_text = if counts.is_empty() {
        "Noch keine Bewerbungen.".to_owned()
    } else {
        counts
            .iter()
            .map(|(status, n)| format!("{}: {n}", status.label()))
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let shown = rows.len();
    view! {
        <Title text=heading.clone() />
        <OrganiseNav forum=(forum.slug.clone(), forum.title.clone()) />
        <h1 class="mt-2 text-3xl font-bold tracking-tight">{heading}</h1>
        <p class="mt-2 flex flex-wrap gap-4">
            <A href=editor.clone()>"Staffel bearbeiten"</A>
            <A href=format!("{editor}/teilnahme")>"Teilnahme und Listen"</A>
            <a href=format!("{editor}/bewerbungen.csv") download="" rel="external">"Bewerbungen als CSV"</a>
        </p>
        <p class="mt-3 text-lg font-semibold" data-testid="plaetze">{cohort.seats_text()}</p>
        <p class="text-slate-700" data-testid="bewerbungen-anzahl">{counts_text}</p>
        <form method="get" action=here.clone() class="mt-6 grid gap-4 sm:grid-cols-3 lg:grid-cols-6" role="search" aria-label="Bewerbungen filtern">
            <FilterSelect name="status" label="Stand" value=filter.status.clone()
                options=ApplicationStatus::ALL.iter().map(|s| (s.code(), s.label())).collect() />
            <FilterSelect name="land" label="Bundesland" value=filter.land.clone()
                options=Bundesland::ALL.iter().map(|l| (l.code(), l.name())).collect() />
            <FilterSelect name="role" label="Amt" value=filter.role.clone()
                options=DecisionRole::ALL.iter().map(|r| (r.code(), r.label())).collect() />
            <FilterSelect name="art" label="Art" value=filter.art.clone()
                options=BodyKind::ALL.iter().map(|k| (k.code(), k.label())).collect() />
            <FilterSelect name="groesse" label="Größe" value=filter.groesse.clone()
                options=SizeClass::ALL.iter().map(|s| (s.code(), s.label())).collect() />
            <div class="flex items-end gap-3">
                <button type="submit" class="button-primary">"Filtern"</button>
                <A href=here.clone()>"Alle"</A>
            </div>
        </form>
        <p class="mt-4" role="status">{format!("{shown} Bewerbungen angezeigt")}</p>
        <div class="mt-2 overflow-x-auto">
            <table class="data-table" data-testid="bewerbungen">
                <caption class="sr-only">"Bewerbungen der Staffel"</caption>
                <thead>
                    <tr><th scope="col">"Name"</th><th scope="col">"Kommune"</th><th scope="col">"Amt"</th><th scope="col">"Stand"</th><th scope="col">"Eingegangen"</th></tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|row| {
                        let href = format!("{here}/{}", row.id);
                        let status = match row.waitlist_position {
                            Some(place) => format!("{} (Platz {place})", row.status.label()),
                            None => row.status.label().to_owned(),
                        };
                        view! {
                            <tr data-status=row.status.code()>
                                <td><A href=href>{row.name.clone()}</A></td>
                                <td>{format!("{} ({})", row.body_name, row.land.name())}</td>
                                <td>{row.role.map_or("Mitglied", |r| r.label())}</td>
                                <td>{status}</td>
                                <td>{row.submitted_at.clone()}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <BalanceView balance=balance />
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

/// Accepted and offered seats by state, office and size.
#[component]
fn BalanceView(balance: Balance) -> impl IntoView {
    let groups = [
        ("Nach Bundesland", balance.by_state),
        ("Nach Amt", balance.by_role),
        ("Nach Größe der Kommune", balance.by_size),
    ];
    view! {
        <section class="account-section" aria-labelledby="ausgewogenheit" data-testid="ausgewogenheit">
            <h2 id="ausgewogenheit">"Vergebene Plätze"</h2>
            <p class="mt-2 text-slate-700">"Angenommene und angebotene Plätze, damit die Gruppe ausgewogen wird."</p>
            <div class="mt-4 grid gap-6 sm:grid-cols-3">
                {groups.into_iter().map(|(title, entries)| view! {
                    <div>
                        <h3 class="font-bold">{title}</h3>
                        {if entries.is_empty() {
                            view! { <p class="text-slate-700">"noch keine"</p> }.into_any()
                        } else {
                            view! {
                                <ul>
                                    {entries.into_iter().map(|(name, n)| view! { <li>{format!("{name}: {n}")}</li> }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    </div>
                }).collect_view()}
            </div>
        </section>
    }
}
