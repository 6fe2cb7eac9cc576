use leptos::prelude::*;
use shared::board::{BoardIndex, BoardQuery, ThreadPage};

use crate::error::AppError;

/// Public (what is found depends on the viewer): the board's threads or search results.
#[server(endpoint = "board")]
pub async fn list_board(query: BoardQuery) -> Result<BoardIndex, AppError> {
    crate::server::serve::public(|state| async move {
        let user = crate::server::auth::current_user().await?;
        Ok::<_, AppError>(
            domain::board::listing::index(&state.db, &state.board_index, user.as_ref(), &query)
                .await?,
        )
    })
    .await
}

/// Public for public threads, members for the rest: one thread with its replies.
#[server(endpoint = "board/thread")]
pub async fn get_thread(id: i64) -> Result<ThreadPage, AppError> {
    crate::server::serve::public(|state| async move {
        let user = crate::server::auth::current_user().await?;
        Ok::<_, AppError>(domain::board::reading::thread_page(&state.db, user.as_ref(), id).await?)
    })
    .await
}

/// The author: the stored values of a thread for its edit form.
#[server(endpoint = "board/thread/form")]
pub async fn get_thread_form(id: i64) -> Result<shared::board::ThreadForm, AppError> {
    crate::server::serve::member(|actor, state| async move {
        domain::board::reading::edit_form(&state.db, &actor, id).await
    })
    .await
}
