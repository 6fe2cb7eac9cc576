//! Server functions of "my account". Each requires a signed-in member and only ever touches
//! that member's own data.

// `update_profile` takes one argument per form field so the form works without JavaScript;
// the lint fires only on the browser side of the generated code, hence `allow`, not `expect`.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use crate::error::AppError;

pub use shared::my_account::{MyAccount, MySession};

/// The signed-in member's account, profile and sessions.
#[server(endpoint = "account/mine")]
pub async fn get_my_account() -> Result<MyAccount, AppError> {
    crate::server::serve::session(|session, state| async move {
        domain::accounts::self_service::load(&state.db, session.user.account_id, &session.id_hash)
            .await
    })
    .await
}

/// Saves the member's profile (one checkbox per topic, so the form works without JavaScript).
#[server(endpoint = "account/profile")]
pub async fn update_profile(
    display_name: String,
    kommune: String,
    position: String,
    department: String,
    bio: String,
    contact_email: String,
    contact_phone: String,
    website: String,
    visibility: String,
    topic_energie: Option<String>,
    topic_mobilitaet: Option<String>,
    topic_innenstadt: Option<String>,
    topic_wohnen: Option<String>,
    topic_nahversorgung: Option<String>,
    topic_beteiligungsmethoden: Option<String>,
    topic_verwaltungskultur: Option<String>,
) -> Result<(), AppError> {
    let topics = [
        ("energie", topic_energie),
        ("mobilitaet", topic_mobilitaet),
        ("innenstadt", topic_innenstadt),
        ("wohnen", topic_wohnen),
        ("nahversorgung", topic_nahversorgung),
        ("beteiligungsmethoden", topic_beteiligungsmethoden),
        ("verwaltungskultur", topic_verwaltungskultur),
    ]
    .into_iter()
    .filter(|(_, ticked)| ticked.is_some())
    .map(|(code, _)| code.to_owned())
    .collect();
    let form = shared::profile::ProfileForm {
        display_name,
        kommune,
        position,
        department,
        bio,
        contact_email,
        contact_phone,
        website,
        visibility,
        topics,
    };
    crate::server::serve::member(|user, state| async move {
        domain::accounts::self_service::update_profile(
            &state.db,
            user.account_id,
            &form,
            chrono::Utc::now(),
        )
        .await?;
        leptos_axum::redirect("/konto?gespeichert=profil");
        Ok::<_, AppError>(())
    })
    .await
}

/// Changes the password and signs out every other browser.
#[server(endpoint = "account/password/change")]
pub async fn change_password(
    current_password: String,
    new_password: String,
    new_password_repeat: String,
) -> Result<(), AppError> {
    crate::server::serve::session(|session, state| async move {
        domain::accounts::self_service::change_password(
            &state.db,
            session.user.account_id,
            &session.id_hash,
            &current_password,
            &new_password,
            &new_password_repeat,
            chrono::Utc::now(),
        )
        .await?;
        leptos_axum::redirect("/konto?gespeichert=passwort");
        Ok::<_, AppError>(())
    })
    .await
}

/// Ends one of the member's own sessions.
#[server(endpoint = "account/sessions/end")]
pub async fn end_session(id: String) -> Result<(), AppError> {
    crate::server::serve::member(|user, state| async move {
        domain::accounts::self_service::end_own_session(&state.db, user.account_id, &id).await
    })
    .await
}

/// Deletes the member's account for good and signs out.
#[server(endpoint = "account/delete")]
pub async fn delete_account(
    confirm_email: String,
    password: String,
    // Ticked: the member's threads and replies in the exchange go too.
    delete_posts: Option<String>,
) -> Result<(), AppError> {
    crate::server::serve::member(|user, state| async move {
        domain::accounts::self_service::delete(
            &state.db,
            &user,
            &confirm_email,
            &password,
            delete_posts.is_some_and(|v| !v.is_empty()),
            chrono::Utc::now(),
        )
        .await?;
        crate::server::auth::guards::set_response_header(
            http::header::SET_COOKIE,
            &domain::accounts::auth::cookies::clear_session_cookie(state.settings.secure_cookies),
        );
        leptos_axum::redirect("/?konto=geloescht");
        Ok::<_, AppError>(())
    })
    .await
}
