//! Membership: join requests, sign-in, passwords, coordination of members.

pub mod admin_bootstrap;
pub mod auth;
pub mod authentication;
pub mod erasure;
pub mod join_requests;
pub mod members;
pub mod new_account;
pub mod passwords;
pub mod self_service;
