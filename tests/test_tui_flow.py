"""Pilot tests of whole flows: rate everything, the sidebar vs the core, palette, lock, export."""

from __future__ import annotations

import json
import os
import tomllib

from cli_helpers import run_cli
from tui_helpers import app_for, empty_session, example_session, screen_text

from wk_tui.files import SessionLock, load_session
from wk_tui.questionnaire import bundled
from wk_tui.scoring import result_json, score
from wk_tui.screens.widgets.sidebar import VerdictSidebar

KEYS = ["1", "2", "3", "4", "0"]


async def test_rate_all_34_from_the_keyboard(tmp_path):
    path = empty_session(tmp_path)
    q = bundled("weltoffene-kommune", "de")
    expected = {}
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        n = 0
        for field in q.fields:
            assert app.screen.name == f"field:{field.id}"
            for c in field.criteria:
                key = KEYS[n % 5]
                expected[c.id] = {
                    "1": "ja",
                    "2": "eher_ja",
                    "3": "eher_nein",
                    "4": "nein",
                    "0": "keine_einschaetzung",
                }[key]
                await pilot.press(key)
                n += 1
            await pilot.press("right_square_bracket")
        assert app.screen.name == "results"
        await pilot.pause()
        shown = screen_text(app)
        app.store.flush()
        session, _ = load_session(path)
        assert session.values() == expected
        core = score(q, expected)
        assert core.band.label in shown
        assert app.result == core
        out = run_cli("summary", str(path), "--json")
        assert json.loads(out.stdout) == result_json(app.result)


async def test_sidebar_shows_exactly_the_summary_of_the_saved_file(tmp_path):
    path = example_session(tmp_path)
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("4", "4", "]", "0", "backspace")
        await pilot.pause()
        sidebar = app.screen.query_one(VerdictSidebar)
        text = screen_text(app)
        app.store.flush()
        data = json.loads(run_cli("summary", str(path), "--json").stdout)
        assert result_json(sidebar.result) == data
        overall = data["overall"]
        assert f"{overall['score']:.1f}".replace(".", ",") + " %" in text
        assert overall["label"].split()[-1] in text
        assert f"bewertet {overall['rated']} · offen {overall['open']}" in text
        assert "vorläufig" in text  # one criterion was cleared
        for f in data["fields"]:
            assert f"{f['score']:.1f}".replace(".", ",") + " %" in text


async def test_markup_in_names_and_notes_is_shown_literally(tmp_path):
    path = empty_session(tmp_path, name="[bold red]Bad[/] Town|`x`")
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.store.set_note("hf1.steuerung", "[link=http://x]click[/link] <script>")
        await pilot.pause()
        text = screen_text(app)
        assert "[bold red]Bad[/] Town|`x`" in text
        assert "[link=http://x]click[/link] <script>" in text


async def test_palette_keeps_defaults_and_adds_ours(tmp_path):
    app = app_for(empty_session(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        commands = list(app.get_system_commands(app.screen))
        titles = [c.title for c in commands]
        # Textual's defaults stay, in the UI language, with Textual's own callbacks.
        assert "Beenden" in titles and "Tasten" in titles and "Farbschema wählen" in titles
        assert "Quit" not in titles and "Keys" not in titles
        quit_cmd = next(c for c in commands if c.title == "Beenden")
        assert quit_cmd.callback == app.action_quit
        assert "Gehe zu Handlungsfeld 5: Engagement und Beteiligung" in titles
        assert "Erstes offenes Kriterium" in titles
        assert "Exportieren (Abschlussbericht)" in titles
        assert "Sprache: English" in titles
        assert any(t.startswith("Farbschema: wk-projector") for t in titles)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Handlungsfeld 5")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.name == "field:hf5"


async def test_palette_first_open_language_and_theme(tmp_path):
    path = example_session(tmp_path)
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.store.rate("hf6.wertschaetzung", None)
        app.goto_first_open()
        await pilot.pause()
        assert app.screen.name == "field:hf6"
        assert app.screen.criteria.criterion.id == "hf6.wertschaetzung"
        app.set_language("en")
        await pilot.pause()
        assert app.screen.name == "field:hf6"
        text = screen_text(app)
        assert "Action field 6" in text and "Guiding questions" in text
        assert app.q.language == "en"
        app.theme = "wk-projector"
        await pilot.pause()
        from wk_tui.userconf import load_config

        assert load_config() == {"theme": "wk-projector", "language": "en"}


async def test_locked_session_offers_read_only(tmp_path):
    path = example_session(tmp_path)
    before = path.read_bytes()
    with SessionLock(path):
        app = app_for(path)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await pilot.pause()
            assert app.screen.__class__.__name__ == "LockedScreen"
            text = screen_text(app)
            assert f"Prozess{os.getpid()}auf" in "".join(text.replace("█", "").split())
            assert "Nur lesen" in text
            await pilot.click("#read-only")
            await pilot.pause()
            assert app.store.read_only
            assert app.screen.name.startswith("field:")
            await pilot.press("1")
            await pilot.pause()
            assert "Nur-Lesen-Modus" in screen_text(app)
            assert app.store.session.value("hf1.steuerung") == "eher_ja"
            await pilot.press("q")
    assert path.read_bytes() == before


async def test_locked_session_quit(tmp_path):
    path = example_session(tmp_path)
    with SessionLock(path):
        app = app_for(path)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.click("#quit")
            await pilot.pause()
    assert app.return_code == 3


async def test_changed_questionnaire_warns_and_keeps_ratings(tmp_path):
    path = example_session(tmp_path)
    path.write_text(
        path.read_text("utf-8") + '\n[ratings."hf1.retired"]\nvalue = "ja"\nnote = "alt"\n', "utf-8"
    )
    app = app_for(path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        assert "hf1.retired" in screen_text(app)  # the warning toast
        await pilot.press("home", "4", "q")
    doc = tomllib.loads(path.read_text("utf-8"))
    assert doc["ratings"]["hf1.retired"] == {"value": "ja", "note": "alt"}
    assert doc["ratings"]["hf1.steuerung"]["value"] == "nein"


async def test_export_action_previews_and_writes(tmp_path):
    path = example_session(tmp_path)
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "ExportScreen"
        assert "Abschlussbericht Dessau-Roßlau" in screen_text(app)
        await pilot.click("#write")
        await pilot.pause()
        written = list(tmp_path.glob("dessau-rosslau-selbstcheck-*.md"))
        assert len(written) == 1 and "| Monitoring | ✘ |" in written[0].read_text("utf-8")
        await pilot.press("e")
        await pilot.pause()
        await pilot.click("#write")  # exists: asks first
        await pilot.pause()
        assert "existiert bereits" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.name.startswith("field:")


async def test_overview_lists_progress(tmp_path):
    app = app_for(empty_session(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("1", "o")
        await pilot.pause()
        text = screen_text(app)
        assert "1/4 bewertet" in text and "0/10 bewertet" in text
