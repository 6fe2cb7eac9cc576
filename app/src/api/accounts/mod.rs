//! Server functions for membership and sign-in.

mod confirm_join_request;
mod get_current_user;
mod request_password_reset;
mod self_service;
mod set_password;
mod sign_in;
mod sign_out;
mod submit_join_request;

pub use confirm_join_request::{ConfirmJoinRequest, confirm_join_request};
pub use get_current_user::{GetCurrentUser, get_current_user};
pub use request_password_reset::{RequestPasswordReset, request_password_reset};
pub use self_service::{
    ChangePassword, DeleteAccount, EndSession, GetMyAccount, MyAccount, MySession, UpdateProfile,
    change_password, delete_account, end_session, get_my_account, update_profile,
};
pub use set_password::{SetPassword, set_password};
pub use sign_in::{SignIn, sign_in};
pub use sign_out::{SignOut, sign_out};
pub use submit_join_request::{SubmitJoinRequest, submit_join_request};
