//! Markdown of posts rendered on the server only: raw HTML is shown as text, images are not
//! loaded (they become links), `@"Vorname Nachname"` mentions become links to the member's
//! profile, and the result is sanitised by ammonia with links marked
//! `rel="nofollow ugc noopener noreferrer"`.

use std::collections::HashMap;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};

/// A member someone mentioned, as resolved by the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mentioned {
    pub account_id: i64,
    /// Where the mention links to (the public or members' profile page).
    pub href: String,
}

/// The names mentioned with `@"…"` in `markdown`, in order, each once, at most `limit`.
pub fn mentioned_names(markdown: &str, limit: usize) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut rest = markdown;
    while let Some(start) = rest.find("@\"") {
        let after = &rest[start + 2..];
        let Some(end) = after.find('"') else { break };
        let name = after[..end].trim();
        if (2..=120).contains(&name.chars().count())
            && !name.contains('\n')
            && !names.iter().any(|n| n.eq_ignore_ascii_case(name))
        {
            names.push(name.to_owned());
            if names.len() >= limit {
                break;
            }
        }
        rest = &after[end + 1..];
    }
    names
}

/// Renders `markdown` to sanitised HTML; `mentions` maps mentioned names (as written, lower
/// case) to the member they name.
pub fn render(markdown: &str, mentions: &HashMap<String, Mentioned>) -> String {
    let options = Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES;
    let mut in_image = false;
    let events = Parser::new_ext(markdown, options).flat_map(|event| -> Vec<Event<'_>> {
        match event {
            // Raw HTML is shown as the text it is.
            Event::Html(raw) | Event::InlineHtml(raw) => vec![Event::Text(raw)],
            // Images from other hosts are never loaded: a link to the picture instead.
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                in_image = true;
                vec![
                    Event::Start(Tag::Link {
                        link_type: pulldown_cmark::LinkType::Inline,
                        dest_url,
                        title,
                        id: CowStr::Borrowed(""),
                    }),
                    Event::Text(CowStr::Borrowed("Bild: ")),
                ]
            }
            Event::End(TagEnd::Image) if in_image => {
                in_image = false;
                vec![Event::End(TagEnd::Link)]
            }
            // Headings in a post sit below the page's own (h1 title, h2 sections).
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => vec![Event::Start(Tag::Heading {
                level: below_page_headings(level),
                id,
                classes,
                attrs,
            })],
            Event::End(TagEnd::Heading(level)) => {
                vec![Event::End(TagEnd::Heading(below_page_headings(level)))]
            }
            Event::Text(text) if !mentions.is_empty() && text.contains("@\"") => {
                link_mentions(text, mentions)
            }
            other => vec![other],
        }
    });
    let mut unsafe_html = String::new();
    html::push_html(&mut unsafe_html, events);
    SANITIZER.clean(&unsafe_html).to_string()
}

/// `#` becomes h3, `##` h4 and so on (at most h6).
fn below_page_headings(level: pulldown_cmark::HeadingLevel) -> pulldown_cmark::HeadingLevel {
    use pulldown_cmark::HeadingLevel as H;
    match level {
        H::H1 => H::H3,
        H::H2 => H::H4,
        H::H3 => H::H5,
        _ => H::H6,
    }
}

/// Splits a text event at its mentions, linking those that name a member.
fn link_mentions<'a>(text: CowStr<'a>, mentions: &HashMap<String, Mentioned>) -> Vec<Event<'a>> {
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut rest: &str = &text;
    while let Some(start) = rest.find("@\"") {
        let after = &rest[start + 2..];
        let Some(end) = after.find('"') else { break };
        let name = after[..end].trim();
        plain.push_str(&rest[..start]);
        match mentions.get(&name.to_lowercase()) {
            Some(member) => {
                out.push(Event::Text(CowStr::from(std::mem::take(&mut plain))));
                out.push(Event::Start(Tag::Link {
                    link_type: pulldown_cmark::LinkType::Inline,
                    dest_url: CowStr::from(member.href.clone()),
                    title: CowStr::Borrowed(""),
                    id: CowStr::Borrowed(""),
                }));
                out.push(Event::Text(CowStr::from(format!("@{name}"))));
                out.push(Event::End(TagEnd::Link));
            }
            None => plain.push_str(&rest[start..start + 2 + end + 1]),
        }
        rest = &after[end + 1..];
    }
    plain.push_str(rest);
    out.push(Event::Text(CowStr::from(plain)));
    out
}

/// The sanitiser, built once: links only to http(s) and mail addresses, with
/// `rel="nofollow ugc noopener noreferrer"`, and no images.
static SANITIZER: std::sync::LazyLock<ammonia::Builder<'static>> = std::sync::LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .link_rel(Some("nofollow ugc noopener noreferrer"))
        .rm_tags(["img"]);
    builder
});

/// The plain text of `markdown` (for search, excerpts and e-mails).
pub fn plain_text(markdown: &str) -> String {
    let mut text = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                text.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph) => text.push(' '),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_mentions() -> HashMap<String, Mentioned> {
        HashMap::new()
    }

    #[test]
    fn raw_html_and_scripts_are_text() {
        let html = render(
            "Vorher <script>alert(1)</script> **fett** <img src=x onerror=alert(2)>",
            &no_mentions(),
        );
        assert!(!html.contains("<script"), "{html}");
        // A line that starts with HTML is an HTML block: all of it is text.
        let block = render("<script>alert(1)</script> **x**", &no_mentions());
        assert!(
            block.starts_with("&lt;script&gt;") && !block.contains("<strong>"),
            "{block}"
        );
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(html.contains("<strong>fett</strong>"), "{html}");
    }

    #[test]
    fn images_become_links_and_links_are_marked() {
        let html = render(
            "![Plan](https://evil.example/p.png) [Stadt](https://stadt.example) [x](javascript:alert(1))",
            &no_mentions(),
        );
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("Bild: Plan"), "{html}");
        assert!(
            html.contains("rel=\"nofollow ugc noopener noreferrer\""),
            "{html}"
        );
        assert!(!html.contains("javascript:"), "{html}");
    }

    #[test]
    fn mentions_are_found_once_and_linked_when_they_name_a_member() {
        let names = mentioned_names(
            "Hallo @\"Lea Leipzig\" und @\"lea leipzig\" und @\"Unbekannt\"",
            10,
        );
        assert_eq!(names, vec!["Lea Leipzig", "Unbekannt"]);
        let mut mentions = HashMap::new();
        mentions.insert(
            "lea leipzig".to_owned(),
            Mentioned {
                account_id: 3,
                href: "/beauftragte/3".into(),
            },
        );
        let html = render("Hallo @\"Lea Leipzig\", und @\"Unbekannt\"!", &mentions);
        assert!(html.contains("<a href=\"/beauftragte/3\" rel=\"nofollow ugc noopener noreferrer\">@Lea Leipzig</a>"), "{html}");
        assert!(
            html.contains("@&quot;Unbekannt&quot;") || html.contains("@\"Unbekannt\""),
            "{html}"
        );
        assert_eq!(mentioned_names(&"@\"A B\" ".repeat(3), 1).len(), 1);
    }

    #[test]
    fn headings_sit_below_the_page_headings() {
        let html = render(
            "# Groß

## Kleiner",
            &no_mentions(),
        );
        assert!(
            html.contains("<h3>Groß</h3>") && html.contains("<h4>Kleiner</h4>"),
            "{html}"
        );
    }

    #[test]
    fn quotes_render_as_blockquotes() {
        assert!(render("> Zitat\n\nAntwort", &no_mentions()).contains("<blockquote>"));
        assert_eq!(
            plain_text("**Bürger**haushalt <b>x</b>\n\nneu"),
            "Bürgerhaushalt <b>x</b> neu"
        );
    }
}
