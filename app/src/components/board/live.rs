//! Following a thread live in the browser: an `EventSource` on `/austausch/{id}/live`, which
//! reconnects by itself and sends `Last-Event-ID`, so the server replays what was missed.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

struct Following {
    source: web_sys::EventSource,
    _listener: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

/// Calls `on_event` for every event of thread `id` while the calling component lives.
pub fn follow_thread(id: i64, on_event: impl Fn() + 'static) {
    let handle = StoredValue::new_local(None::<Following>);
    let Ok(source) = web_sys::EventSource::new(&format!("/austausch/{id}/live")) else {
        return;
    };
    let listener = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |_event| on_event());
    if source
        .add_event_listener_with_callback("antwort", listener.as_ref().unchecked_ref())
        .is_err()
    {
        source.close();
        return;
    }
    handle.set_value(Some(Following {
        source,
        _listener: listener,
    }));
    on_cleanup(move || {
        handle.update_value(|stored| {
            if let Some(following) = stored.take() {
                following.source.close();
            }
        });
    });
}
