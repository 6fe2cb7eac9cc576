//! Server functions about municipalities.

mod add_kommune;
mod get_kommune_page;
mod get_kommunen_overview;
mod search_bodies;
mod search_kommunen;

pub use add_kommune::{AddKommune, add_kommune};
pub use get_kommune_page::{GetKommunePage, get_kommune_page};
pub use get_kommunen_overview::{GetKommunenOverview, get_kommunen_overview};
pub use search_bodies::{SearchBodies, search_bodies};
pub use search_kommunen::{SEARCH_LIMIT, SearchKommunen, search_kommunen};
