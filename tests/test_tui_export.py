"""Pilot tests of the export dialog: it writes only through the core's export plan."""

from __future__ import annotations

import pytest
from textual.widgets import Button, Checkbox, Input, RadioButton, RadioSet
from tui_helpers import app_for, example_session, screen_text


async def _open_dialog(pilot) -> None:
    await pilot.pause()
    await pilot.press("e")
    await pilot.pause()
    assert pilot.app.screen.__class__.__name__ == "ExportScreen"


async def _submit(pilot, value: str) -> None:
    field = pilot.app.screen.query_one("#target", Input)
    field.value = value
    field.focus()
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


@pytest.mark.parametrize("spelling", ["same", "dotted", "bak", "lock"])
async def test_dialog_refuses_the_session_file_and_its_companions(tmp_path, spelling):
    path = example_session(tmp_path)
    (tmp_path / "dessau.toml.bak").write_bytes(b"previous version")
    before = path.read_bytes()
    target = {
        "same": str(path),
        "dotted": f"{tmp_path}/./sub/../dessau.toml",
        "bak": f"{path}.bak",
        "lock": f"{path}.lock",
    }[spelling]
    (tmp_path / "sub").mkdir()
    app = app_for(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_dialog(pilot)
        await _submit(pilot, target)
        await pilot.press("enter")  # a second Enter must not be taken as "overwrite"
        await pilot.pause()
        assert app.screen.__class__.__name__ == "ExportScreen"
        assert "Sitzungsdatei selbst" in screen_text(app)  # in the UI language
        assert path.read_bytes() == before
        await pilot.press("escape", "q")
    assert path.read_bytes() == before
    assert (tmp_path / "dessau.toml.bak").read_bytes() == b"previous version"


async def test_every_control_of_the_dialog_is_visible_at_80x24(tmp_path):
    app = app_for(example_session(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_dialog(pilot)
        screen = app.screen
        dialog = screen.query_one("#export").region
        controls = [
            *screen.query(RadioButton),
            screen.query_one(RadioSet),
            screen.query_one("#notes", Checkbox),
            screen.query_one("#target", Input),
            *screen.query(Button),
        ]
        assert len(controls) == 11
        for widget in controls:
            region = widget.region
            assert region.area > 0, widget
            assert dialog.contains_region(region), (widget, region, dialog)
            assert screen.region.contains_region(region), (widget, region)
        text = screen_text(app)
        for label in ("MD", "HTML", "JSON", "CSV", "DOCX", "XLSX", "Notizen anhängen", "Zieldatei"):
            assert label in text
        assert "Schreiben" in text and "Abbrechen" in text
        # The checkbox is reached with Tab and does what it shows.
        screen.query_one(RadioSet).focus()
        await pilot.press("tab")
        assert app.focused is screen.query_one("#notes", Checkbox)
        await pilot.press("space")
        await pilot.pause()
        assert screen.query_one("#notes", Checkbox).value is False


async def test_dialog_writes_new_file_and_asks_before_replacing(tmp_path):
    path = example_session(tmp_path)
    target = tmp_path / "bericht.md"
    app = app_for(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_dialog(pilot)
        await _submit(pilot, str(target))
        assert app.screen.__class__.__name__ != "ExportScreen"
        first = target.read_text("utf-8")
        assert first.startswith("# Abschlussbericht Dessau-Roßlau")
        target.write_text("old", "utf-8")
        await _open_dialog(pilot)
        await _submit(pilot, str(target))
        assert "existiert bereits" in screen_text(app)
        assert target.read_text("utf-8") == "old"
        await pilot.press("enter")
        await pilot.pause()
        assert target.read_text("utf-8") == first
        await _open_dialog(pilot)
        await _submit(pilot, "")
        assert "Zieldatei angeben" in screen_text(app)


async def test_dialog_directory_target_gets_the_default_name(tmp_path):
    path = example_session(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    app = app_for(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_dialog(pilot)
        await _submit(pilot, str(out))
    [written] = out.iterdir()
    assert written.name.startswith("dessau-rosslau-selbstcheck-") and written.suffix == ".md"


async def test_the_file_name_decides_the_format_as_on_the_command_line(tmp_path):
    """Typing bericht.docx with MD still selected writes a Word file, not Markdown under a
    .docx name; a typed .html selects HTML in the dialog."""
    import zipfile

    path = example_session(tmp_path)
    app = app_for(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_dialog(pilot)
        await _submit(pilot, str(tmp_path / "bericht.docx"))
        assert app.screen.__class__.__name__ != "ExportScreen"
        await _open_dialog(pilot)
        field = app.screen.query_one("#target", Input)
        field.value = str(tmp_path / "bericht.html")
        await pilot.pause()
        pressed = app.screen.query_one("#format", RadioSet).pressed_button
        assert pressed is not None and pressed.name == "html"
        await _submit(pilot, str(tmp_path / "bericht.html"))
    assert zipfile.is_zipfile(tmp_path / "bericht.docx")
    assert "word/document.xml" in zipfile.ZipFile(tmp_path / "bericht.docx").namelist()
    assert (tmp_path / "bericht.html").read_text("utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("lang", ["de", "en"])
async def test_the_dialog_offers_word_and_excel(tmp_path, lang):
    """DOCX and XLSX are choices of the dialog (as of the CLI), visible at 80x24 in both
    languages; choosing XLSX renames the default target and writes an Excel workbook."""
    import zipfile

    from wk_tui.export.plan import plan_export

    path = example_session(tmp_path)
    app = app_for(path, language=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_dialog(pilot)
        screen = app.screen
        buttons = {b.name: b for b in screen.query(RadioButton)}
        assert list(buttons) == ["md", "html", "json", "csv", "docx", "xlsx"]
        text = screen_text(app)
        assert "DOCX" in text and "XLSX" in text
        assert {"de": "Notizen anhängen", "en": "Append notes"}[lang] in text
        await pilot.click(buttons["xlsx"])
        await pilot.pause()
        target = screen.query_one("#target", Input).value
        assert target == str(plan_export(path, app.store.session, tmp_path, "xlsx").target)
        await pilot.click("#write")
        await pilot.pause()
        assert app.screen.__class__.__name__ != "ExportScreen"
    [written] = tmp_path.glob("*.xlsx")
    assert "xl/workbook.xml" in zipfile.ZipFile(written).namelist()
