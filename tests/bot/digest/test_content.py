"""Digest content: the right articles for the window and filters, rendered safely for Slack."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.digest.content import Digest, build_digest, one_line
from bot.digest.subscriptions import subscribe
from bot.services import Services
from bot.slack.digest_blocks import render_digest
from bot.slack.text import MAX_BLOCKS, SECTION_TEXT
from storage.digests import DigestRunRepository
from storage.models import Subscription
from tests.bot.digest.fixtures import add_article

CREATED = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
SLOT = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)  # 08:00 Berlin
PREVIOUS = SLOT - timedelta(days=1)


def digest_for(services: Services, sub: Subscription, slot: datetime = SLOT) -> Digest:
    with services.session() as session:
        fresh = session.get(Subscription, sub.id)
        assert fresh is not None
        return build_digest(session, fresh, slot)


def test_window_runs_from_the_previous_delivered_digest_to_the_slot(services: Services) -> None:
    sub = subscribe(services, "C1", "daily 08:00 Europe/Berlin", now=CREATED)
    with services.session() as session:  # yesterday's digest went out at its slot
        runs = DigestRunRepository(session)
        run = runs.claim(sub.id, PREVIOUS, "w", PREVIOUS)
        assert run is not None
        runs.mark_posted(run, PREVIOUS, 1)
    add_article(services, "old", PREVIOUS - timedelta(minutes=5))
    add_article(services, "new1", PREVIOUS + timedelta(hours=3))
    add_article(services, "new2", SLOT - timedelta(minutes=1))
    add_article(services, "after", SLOT + timedelta(minutes=1))
    digest = digest_for(services, sub)
    assert digest.window_start == PREVIOUS
    assert [item.title for item in digest.items] == ["Artikel new2", "Artikel new1"]
    assert digest.total == 2


def test_filters_select_language_section_and_source(services: Services) -> None:
    sub = subscribe(services, "C1", 'daily 08:00 Europe/Berlin lang:de section:wirtschaft '
                    'source:tagesschau', now=CREATED)  # fmt: skip
    t = SLOT - timedelta(hours=1)
    add_article(services, "match", t)
    add_article(services, "english", t, lang="en", title="English piece")
    add_article(services, "sport", t, section="Sport", title="Sport piece")
    add_article(services, "other-source", t, source="welt", title="Welt piece")
    digest = digest_for(services, sub)
    assert [item.title for item in digest.items] == ["Artikel match"]


def test_keywords_are_ranked_by_the_lookup_within_the_window(services: Services) -> None:
    sub = subscribe(services, "C1", "daily 08:00 Europe/Berlin netflix eternauta", now=CREATED)
    t = SLOT - timedelta(hours=1)
    add_article(services, "n1", t, title="Netflix zeigt El Eternauta mit KI-Effekten")
    add_article(services, "x1", t, title="Bundestag berät den Haushalt")
    add_article(services, "n0", PREVIOUS - timedelta(hours=1), title="Netflix Eternauta alt")
    digest = digest_for(services, sub)
    assert [item.title for item in digest.items] == ["Netflix zeigt El Eternauta mit KI-Effekten"]


def test_later_arrivals_do_not_crowd_window_articles_out(services: Services) -> None:
    sub = subscribe(services, "C1", "daily 08:00 Europe/Berlin netflix", now=CREATED)
    add_article(services, "in-window", SLOT - timedelta(hours=1), title="Netflix Bericht")
    add_article(services, "late", SLOT + timedelta(minutes=10), title="Netflix Netflix Netflix")
    digest = digest_for(services, sub)
    assert [item.title for item in digest.items] == ["Netflix Bericht"]


def test_keyword_digest_keeps_the_substring_source_filter(services: Services) -> None:
    sub = subscribe(services, "C1", "daily 08:00 Europe/Berlin source:bbc netflix", now=CREATED)
    add_article(services, "b1", SLOT - timedelta(hours=1), source="The BBC", title="Netflix KI")
    digest = digest_for(services, sub)
    assert [item.title for item in digest.items] == ["Netflix KI"]


def test_section_filter_folds_umlauts_on_every_database(services: Services) -> None:
    sub = subscribe(services, "C1", "daily 08:00 Europe/Berlin section:österreich", now=CREATED)
    add_article(services, "at", SLOT - timedelta(hours=1), section="Österreich", title="Wien")
    assert [item.title for item in digest_for(services, sub).items] == ["Wien"]


def test_items_carry_link_one_line_summary_and_top_figure(services: Services) -> None:
    sub = subscribe(services, "C1", "daily 08:00 Europe/Berlin top 1", now=CREATED)
    add_article(services, "b", SLOT - timedelta(hours=2))
    add_article(services, "a", SLOT - timedelta(hours=1), figure="+16 % Umsatz auf 11 Mrd. $",
                summary="Umsatz steigt kräftig. Mehr dazu.")  # fmt: skip
    [message] = render_digest(digest_for(services, sub))
    assert message.text == "Newsroom digest · Wed 25 Nov 2026 · 2 new articles, top 1"
    sections = [b["text"]["text"] for b in message.blocks if b["type"] == "section"]
    assert len(sections) == 1
    text = sections[0]
    assert text.startswith("*<https://news.example/a|Artikel a>*")
    assert "Umsatz steigt kräftig." in text and "Mehr dazu" not in text
    assert ":bar_chart: *+16 % Umsatz auf 11 Mrd. $*" in text


def test_article_text_cannot_ping_the_channel(services: Services) -> None:
    sub = subscribe(services, "C1", "daily 08:00 Europe/Berlin", now=CREATED)
    add_article(services, "evil", SLOT - timedelta(hours=1), title="<!channel> breaking & more",
                summary="Click <https://evil.example|here> now.")  # fmt: skip
    [message] = render_digest(digest_for(services, sub))
    rendered = str(message.blocks)
    assert "<!channel>" not in rendered and "&lt;!channel&gt; breaking &amp; more" in rendered
    assert "<https://evil.example" not in rendered


def test_a_large_digest_is_split_within_block_kit_limits(services: Services) -> None:
    sub = subscribe(services, "C1", "daily 08:00 Europe/Berlin top 50", now=CREATED)
    for i in range(50):
        add_article(services, f"a{i:02d}", SLOT - timedelta(minutes=i + 1), summary="Wort " * 200)
    messages = render_digest(digest_for(services, sub))
    assert len(messages) == 3
    assert all(len(m.blocks) <= MAX_BLOCKS for m in messages)
    sections = [b for m in messages for b in m.blocks if b["type"] == "section"]
    assert len(sections) == 50 and all(len(s["text"]["text"]) <= SECTION_TEXT for s in sections)
    assert "part 2/3" in str(messages[1].blocks[0])


def test_nothing_new_renders_a_short_note(services: Services) -> None:
    sub = subscribe(services, "C1", "daily 08:00 Europe/Berlin empty:post", now=CREATED)
    digest = digest_for(services, sub)
    assert digest.is_empty
    [message] = render_digest(digest)
    assert "no new articles" in message.text
    assert "No new articles since the last digest." in str(message.blocks)


def test_one_line_takes_the_first_sentence_and_cuts_long_ones() -> None:
    assert one_line("Erster Satz.  Zweiter Satz.") == "Erster Satz."
    long = "wort " * 100
    cut = one_line(long, limit=50)
    assert len(cut) <= 50 and cut.endswith("…")
