//! Initial consultations: the request form (`/erstberatung`), the coordination group's
//! matching (`/koordination/erstberatung`) and the facilitators' page (`/prozessbegleitung`).

mod coordination;
mod detail;
mod facilitator;
mod request;

pub use coordination::{ConsultationCoordinationPage, ConsultationsPage};
pub use facilitator::{FacilitatorHomePage, FacilitatorRequestPage};
pub use request::{ConsultationRequestPage, ConsultationSentPage};
