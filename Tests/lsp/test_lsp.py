"""disarm lsp with a real LSP client (pytest-lsp): diagnostics as you type, hover, definition, references,
completion, code actions and renames, in the framework's words; and a report outside the knowledge base, tagged."""
import os
import re

import pytest
from lsprotocol import types


def page(workspace, path):
    return workspace / path


def open_page(client, workspace, path, text=None):
    uri = page(workspace, path).as_uri()
    text = page(workspace, path).read_text() if text is None else text
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
        )
    )
    return uri, text


def position_of(text, needle, occurrence=0):
    index = -1
    for _ in range(occurrence + 1):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index)
    character = len(text[text.rfind("\n", 0, index) + 1 : index].encode("utf-16-le")) // 2
    return types.Position(line=line, character=character)


def first_technique_page(workspace, prefix):
    """The first technique page whose file name starts with prefix (T0151.008 in data/ and DISARM 1.x; A0001 in 2026)."""
    folder = workspace / "techniques"
    names = sorted(p.name for p in folder.iterdir() if p.name.startswith(prefix))
    return "techniques/" + names[0]


KB = os.environ.get("DISARM_LSP_KB", "")
IS_2026 = "2026" in KB
TECHNIQUE = "A0001.003" if IS_2026 else "T0151.008"
TACTIC = "TA80" if IS_2026 else "TA07"
TACTIC_WORD = "Category" if IS_2026 else "Tactic"
KIND_WORD = "Assessment" if IS_2026 else "Technique"
MISSPELT = "A0999.777" if IS_2026 else "T0999.777"


@pytest.mark.asyncio
async def test_a_misspelt_id_is_reported_at_its_range_within_one_change(client, workspace):
    path = f"techniques/{TECHNIQUE}.md"
    uri, text = open_page(client, workspace, path)
    await client.wait_for_notification("textDocument/publishDiagnostics")
    marker = "DO NOT EDIT ABOVE THIS LINE"
    cut = text.index(marker)
    edited = text[:cut] + f"Seen with {MISSPELT}: Nothing.\n\n" + text[cut:]
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=edited)],
        )
    )
    await client.wait_for_notification("textDocument/publishDiagnostics")
    diagnostics = client.diagnostics[uri]
    found = [d for d in diagnostics if d.code == "unresolved-reference"]
    assert found, [d.code for d in diagnostics]
    start = position_of(edited, MISSPELT)
    assert found[0].range.start == start
    assert found[0].range.end.character == start.character + len(MISSPELT)
    assert found[0].code_description.href.endswith("#unresolved-reference")


@pytest.mark.asyncio
async def test_hover_names_the_object_and_its_tactic(client, workspace):
    path = f"techniques/{TECHNIQUE}.md"
    uri, text = open_page(client, workspace, path)
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=position_of(text, TECHNIQUE))
    )
    value = hover.contents.value
    assert f"{KIND_WORD} {TECHNIQUE}" in value
    assert f"{TACTIC_WORD}: {TACTIC}" in value


@pytest.mark.asyncio
async def test_definition_of_a_tactic_is_its_heading(client, workspace):
    path = f"techniques/{TECHNIQUE}.md"
    uri, text = open_page(client, workspace, path)
    result = await client.text_document_definition_async(
        types.DefinitionParams(text_document=types.TextDocumentIdentifier(uri=uri), position=position_of(text, TACTIC))
    )
    location = result[0] if isinstance(result, list) else result
    assert location.uri.endswith(f"/tactics/{TACTIC}.md")
    assert location.range.start.line == 0


@pytest.mark.asyncio
async def test_references_of_an_identifier_span_the_pages(client, workspace):
    path = f"techniques/{TECHNIQUE}.md"
    uri, text = open_page(client, workspace, path)
    references = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=position_of(text, TECHNIQUE),
            context=types.ReferenceContext(include_declaration=True),
        )
    )
    files = {r.uri.rsplit("/", 2)[-2] + "/" + r.uri.rsplit("/", 1)[-1] for r in references}
    assert f"techniques/{TECHNIQUE}.md" in files
    assert len(files) >= 2, files


@pytest.mark.asyncio
async def test_completion_lists_sub_techniques_with_names(client, workspace):
    parent = TECHNIQUE.split(".")[0]
    path = f"techniques/{TECHNIQUE}.md"
    uri, text = open_page(client, workspace, path)
    cut = text.index("DO NOT EDIT ABOVE THIS LINE")
    edited = text[:cut] + f"See {parent}." + "\n\n" + text[cut:]
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=edited)],
        )
    )
    at = position_of(edited, f"See {parent}.")
    at = types.Position(line=at.line, character=at.character + len(f"See {parent}."))
    result = await client.text_document_completion_async(
        types.CompletionParams(text_document=types.TextDocumentIdentifier(uri=uri), position=at)
    )
    items = result.items if hasattr(result, "items") else result
    labels = [item.label for item in items]
    assert TECHNIQUE in labels
    assert all(label.startswith(parent + ".") for label in labels)
    item = next(i for i in items if i.label == TECHNIQUE)
    assert item.text_edit.new_text.startswith(f"{TECHNIQUE}: ")


@pytest.mark.asyncio
async def test_a_name_mismatch_is_fixed_by_a_code_action(client, workspace):
    tactic_path = f"tactics/{TACTIC}.md"
    uri, text = open_page(client, workspace, tactic_path)
    await client.wait_for_notification("textDocument/publishDiagnostics")
    name_start = text.index(f"[{TECHNIQUE} ") + len(f"[{TECHNIQUE} ")
    name_end = text.index("]", name_start)
    edited = text[:name_start] + "A Wrong Name" + text[name_end:]
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=edited)],
        )
    )
    await client.wait_for_notification("textDocument/publishDiagnostics")
    codes = {d.code for d in client.diagnostics[uri]}
    assert codes & {"name-mismatch", "derived-out-of-date"}, codes
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
            context=types.CodeActionContext(diagnostics=client.diagnostics[uri]),
        )
    )
    regenerate = next(a for a in actions if "Regenerate" in a.title)
    new_text = regenerate.edit.changes[uri][0].new_text
    assert new_text == text, "the regenerated page is the page before the edit"


@pytest.mark.asyncio
async def test_renaming_a_name_changes_every_mention_and_no_notes(client, workspace):
    path = f"techniques/{TECHNIQUE}.md"
    uri, text = open_page(client, workspace, path)
    at = position_of(text, TECHNIQUE)
    prepared = await client.text_document_prepare_rename_async(
        types.PrepareRenameParams(text_document=types.TextDocumentIdentifier(uri=uri), position=at)
    )
    assert prepared is not None
    edit = await client.text_document_rename_async(
        types.RenameParams(text_document=types.TextDocumentIdentifier(uri=uri), position=at, new_name="Short-Post Platform")
    )
    assert edit.changes, edit
    assert len(edit.changes) >= 2, list(edit.changes)
    marker = "DO NOT EDIT ABOVE THIS LINE"
    for changed_uri, edits in edit.changes.items():
        file_text = (workspace / changed_uri.split("/kb/", 1)[1]).read_text()
        notes_line = file_text[: file_text.index(marker)].count("\n") if marker in file_text else 10**9
        for text_edit in edits:
            assert text_edit.new_text == "Short-Post Platform"
            assert text_edit.range.start.line < notes_line


@pytest.mark.asyncio
async def test_renaming_an_identifier_renames_the_page_and_every_mention(client, workspace):
    path = f"techniques/{TECHNIQUE}.md"
    uri, text = open_page(client, workspace, path)
    new_id = TECHNIQUE.rsplit(".", 1)[0] + ".099"
    edit = await client.text_document_rename_async(
        types.RenameParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=position_of(text, TECHNIQUE), new_name=new_id
        )
    )
    renames = [c for c in edit.document_changes if isinstance(c, types.RenameFile)]
    assert [r.old_uri.rsplit("/", 1)[-1] for r in renames] == [f"{TECHNIQUE}.md"]
    assert renames[0].new_uri.endswith(f"/techniques/{new_id}.md")
    text_edits = [c for c in edit.document_changes if isinstance(c, types.TextDocumentEdit)]
    assert len(text_edits) >= 3
    assert all(e.new_text == new_id for c in text_edits for e in c.edits)
    # A taken identifier is refused with a reason.
    taken = sorted(p.stem for p in (workspace / "techniques").iterdir() if p.stem.startswith(TECHNIQUE.rsplit(".", 1)[0] + ".") and p.stem != TECHNIQUE)
    if taken:
        with pytest.raises(Exception, match="taken"):
            await client.text_document_rename_async(
                types.RenameParams(
                    text_document=types.TextDocumentIdentifier(uri=uri), position=position_of(text, TECHNIQUE), new_name=taken[0]
                )
            )


@pytest.mark.asyncio
async def test_document_and_workspace_symbols(client, workspace):
    path = f"techniques/{TECHNIQUE}.md"
    uri, text = open_page(client, workspace, path)
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert symbols[0].name.startswith(f"{KIND_WORD} {TECHNIQUE}")
    children = [child.name for child in symbols[0].children]
    assert "Summary" in children
    found = await client.workspace_symbol_async(types.WorkspaceSymbolParams(query=TECHNIQUE))
    assert any(symbol.name.startswith(TECHNIQUE) for symbol in found)


@pytest.mark.asyncio
async def test_a_report_outside_the_knowledge_base_is_tagged(report_client, workspace):
    reports = workspace.parent / "reports"
    reports.mkdir(exist_ok=True)
    report = reports / "takedown.md"
    text = (
        "# Takedown of a network\n\n"
        f"The operators posted on one platform ({TECHNIQUE}).\n"
        f"Réseau « bots » 😀 — the draft also cited {MISSPELT}.\n"
    )
    report.write_text(text)
    uri = report.as_uri()
    report_client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
        )
    )
    await report_client.wait_for_notification("textDocument/publishDiagnostics")
    # The unknown identifier: an error at its range (UTF-16, after the emoji), naming the nearest identifiers.
    unknown = [d for d in report_client.diagnostics[uri] if d.code == "report-unknown-id"]
    assert len(unknown) == 1, report_client.diagnostics[uri]
    assert unknown[0].severity == types.DiagnosticSeverity.Error
    start = position_of(text, MISSPELT)
    assert unknown[0].range.start == start
    assert unknown[0].range.end.character == start.character + len(MISSPELT)
    assert "nearest:" in unknown[0].message
    # Hover on a mention: the object as on a page.
    at = position_of(text, TECHNIQUE)
    hover = await report_client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=at)
    )
    assert f"{KIND_WORD} {TECHNIQUE}" in hover.contents.value
    # Go to definition: the object's page, at its heading.
    result = await report_client.text_document_definition_async(
        types.DefinitionParams(text_document=types.TextDocumentIdentifier(uri=uri), position=at)
    )
    location = result[0] if isinstance(result, list) else result
    assert location.uri.endswith(f"/kb/techniques/{TECHNIQUE}.md")
    assert location.range.start.line == 0
    # A code action inserts the name after the bare identifier, in the report only.
    actions = await report_client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=types.Range(start=at, end=at),
            context=types.CodeActionContext(diagnostics=[]),
        )
    )
    insert = next(a for a in actions if a.title.startswith("Insert the name"))
    assert list(insert.edit.changes) == [uri]
    assert insert.edit.changes[uri][0].new_text.startswith(": ")
