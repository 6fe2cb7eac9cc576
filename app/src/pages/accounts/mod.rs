//! Membership pages: join, confirm, sign in, passwords, my account.

mod confirm_join;
mod forgot_password;
mod join;
mod my_account;
mod notices;
mod set_password;
mod sign_in;

pub use confirm_join::ConfirmJoinPage;
pub use forgot_password::ForgotPasswordPage;
pub use join::JoinPage;
pub use my_account::MyAccountPage;
pub use notices::{JoinConfirmedPage, JoinSubmittedPage, ResetSentPage};
pub use set_password::SetPasswordPage;
pub use sign_in::SignInPage;
