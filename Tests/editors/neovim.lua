-- disarm lsp driven by Neovim's built-in LSP client, headless (run by NeovimClientTests):
--   DISARM_BINARY=.build/debug/disarm DISARM_LSP_KB=<copy of a page folder> DISARM_NVIM_RESULT=<file> \
--     nvim --headless -u NONE -i NONE -n -c "luafile Tests/editors/neovim.lua"
-- Works with Neovim 0.7 (Debian bookworm) and later. Edits go through the buffer, as typing does, so the client
-- sends its own didOpen/didChange; edits the server returns are applied with the client's own
-- vim.lsp.util.apply_workspace_edit. Each check writes "ok ..." or "FAIL ..." to DISARM_NVIM_RESULT; Neovim exits
-- 0 when every check passed.

local binary = os.getenv("DISARM_BINARY")
local kb = os.getenv("DISARM_LSP_KB")
local result_file = os.getenv("DISARM_NVIM_RESULT")
local is2026 = kb:find("2026") ~= nil
local technique = is2026 and "A0001.003" or "T0151.008"
local tactic = is2026 and "TA80" or "TA07"
local tactic_word = is2026 and "Category" or "Tactic"
local misspelt = is2026 and "A0999.777" or "T0999.777"
local parent = technique:match("^(.-)%.")

local lines_out = {}
local failures = 0
local function report(ok, what)
  if not ok then failures = failures + 1 end
  table.insert(lines_out, (ok and "ok " or "FAIL ") .. what)
end

local function finish()
  local file = io.open(result_file, "w")
  file:write(table.concat(lines_out, "\n") .. "\n")
  file:close()
  vim.cmd(failures == 0 and "qall!" or "cquit 1")
end

local client_id = vim.lsp.start_client({
  name = "disarm",
  cmd = { binary, "lsp" },
  root_dir = kb,
})
if not client_id then
  report(false, "the client could not start " .. binary)
  finish()
end

local function open(path)
  vim.cmd("edit " .. vim.fn.fnameescape(kb .. "/" .. path))
  local buffer = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buffer, client_id)
  return buffer
end

-- The 0-based line and UTF-16 column of the first `needle` in the buffer (the pages' text here is ASCII up to it).
local function find(buffer, needle, after_line)
  for index, line in ipairs(vim.api.nvim_buf_get_lines(buffer, 0, -1, false)) do
    if index - 1 >= (after_line or 0) then
      local column = line:find(needle, 1, true)
      if column then return index - 1, column - 1 end
    end
  end
end

local function request(buffer, method, params)
  local answers = vim.lsp.buf_request_sync(buffer, method, params, 20000)
  local answer = answers and answers[client_id]
  if answer and answer.err then return nil, answer.err.message end
  return answer and answer.result
end

local function position(buffer, line, column)
  return { textDocument = { uri = vim.uri_from_bufnr(buffer) }, position = { line = line, character = column } }
end

local function codes(buffer)
  local found = {}
  for _, diagnostic in ipairs(vim.diagnostic.get(buffer)) do
    local lsp = diagnostic.user_data and diagnostic.user_data.lsp or {}
    found[#found + 1] = { code = diagnostic.code or lsp.code, diagnostic = diagnostic }
  end
  return found
end

-- The buffer's diagnostics as the server sent them (what a client passes back in a code action's context).
local function lsp_diagnostics(buffer)
  local list = {}
  for _, diagnostic in ipairs(vim.diagnostic.get(buffer)) do
    if diagnostic.user_data and diagnostic.user_data.lsp then list[#list + 1] = diagnostic.user_data.lsp end
  end
  return list
end

local function wait_for_code(buffer, code)
  local hit
  vim.wait(20000, function()
    for _, entry in ipairs(codes(buffer)) do
      if entry.code == code then
        hit = entry.diagnostic
        return true
      end
    end
    return false
  end, 20)
  return hit
end

-- How many of `disarm lint`'s name-mismatch findings on the knowledge base name `id`.
local function mismatches_about(id)
  local count = 0
  for _, line in ipairs(vim.fn.systemlist({ binary, "lint", kb })) do
    if line:find("[name-mismatch]", 1, true) and line:find(id, 1, true) then count = count + 1 end
  end
  return count
end
local mismatches_before = mismatches_about(technique)

local page = open("techniques/" .. technique .. ".md")
vim.wait(20000, function() return vim.lsp.get_client_by_id(client_id).initialized end, 20)

-- 1. Type a misspelt identifier above the notes: unresolved-reference at its range.
local notes_line = find(page, "DO NOT EDIT ABOVE THIS LINE")
vim.api.nvim_buf_set_lines(page, notes_line, notes_line, false, { "Seen with " .. misspelt .. ": Nothing.", "" })
local unresolved = wait_for_code(page, "unresolved-reference")
report(unresolved ~= nil and unresolved.lnum == notes_line and unresolved.col == 10
  and unresolved.end_col == 10 + #misspelt,
  "typing " .. misspelt .. " gives unresolved-reference at line " .. notes_line .. ", columns 10-" .. (10 + #misspelt)
  .. (unresolved and (" (got " .. unresolved.lnum .. ":" .. unresolved.col .. "-" .. unresolved.end_col .. ")") or ""))
vim.api.nvim_buf_set_lines(page, notes_line, notes_line + 2, false, {})

-- 2. Hover the page's own identifier: kind, name and tactic.
local line, column = find(page, technique)
local hover = request(page, "textDocument/hover", position(page, line, column))
local hover_text = hover and hover.contents and (hover.contents.value or "") or ""
report(hover_text:find(technique, 1, true) ~= nil and hover_text:find(tactic_word .. ": " .. tactic, 1, true) ~= nil,
  "hover of " .. technique .. " names it and its " .. tactic_word:lower())

-- 3. Definition of the tactic: its page's heading.
line, column = find(page, tactic .. " ")
local definition = request(page, "textDocument/definition", position(page, line, column))
local location = definition and (definition[1] or definition)
report(location ~= nil and location.uri:sub(-#("/tactics/" .. tactic .. ".md")) == "/tactics/" .. tactic .. ".md"
  and location.range.start.line == 0, "definition of " .. tactic .. " is the heading of tactics/" .. tactic .. ".md")

-- 4. References of the identifier: on several pages.
line, column = find(page, technique)
local parameters = position(page, line, column)
parameters.context = { includeDeclaration = true }
local references = request(page, "textDocument/references", parameters) or {}
local files = {}
for _, reference in ipairs(references) do files[reference.uri] = true end
report(vim.tbl_count(files) >= 2, "references of " .. technique .. " span " .. vim.tbl_count(files) .. " pages")

-- 5. Completion after "<parent>.": the sub-techniques, with names.
notes_line = find(page, "DO NOT EDIT ABOVE THIS LINE")
vim.api.nvim_buf_set_lines(page, notes_line, notes_line, false, { "See " .. parent .. ".", "" })
vim.wait(300)
local completion = request(page, "textDocument/completion", position(page, notes_line, #("See " .. parent .. ".")))
local items = completion and (completion.items or completion) or {}
local labels, edit_text = {}, nil
for _, item in ipairs(items) do
  labels[#labels + 1] = item.label
  if item.label == technique then edit_text = item.textEdit and item.textEdit.newText end
end
report(vim.tbl_contains(labels, technique) and edit_text ~= nil and edit_text:find(technique .. ": ", 1, true) == 1,
  "completion of '" .. parent .. ".' offers " .. #labels .. " sub-techniques, " .. technique .. " as '"
  .. tostring(edit_text) .. "'")
vim.api.nvim_buf_set_lines(page, notes_line, notes_line + 2, false, {})

-- 6. A name mismatch on the tactic page, fixed by the code action the server offers.
local tactic_page = open("tactics/" .. tactic .. ".md")
local before = vim.api.nvim_buf_get_lines(tactic_page, 0, -1, false)
line, column = find(tactic_page, "[" .. technique .. " ")
local name_start = column + #("[" .. technique .. " ")
local name_end = vim.api.nvim_buf_get_lines(tactic_page, line, line + 1, false)[1]:find("]", name_start + 1, true) - 1
vim.api.nvim_buf_set_text(tactic_page, line, name_start, line, name_end, { "A Wrong Name" })
local mismatch = wait_for_code(tactic_page, "name-mismatch") or wait_for_code(tactic_page, "derived-out-of-date")
local actions = request(tactic_page, "textDocument/codeAction", {
  textDocument = { uri = vim.uri_from_bufnr(tactic_page) },
  range = { start = { line = line, character = 0 }, ["end"] = { line = line, character = 0 } },
  context = { diagnostics = lsp_diagnostics(tactic_page) },
}) or {}
local fix
for _, action in ipairs(actions) do
  if action.edit and (action.title:find("Regenerate") or action.title:find("name")) then fix = fix or action end
end
if fix then vim.lsp.util.apply_workspace_edit(fix.edit, "utf-16") end
local after = vim.api.nvim_buf_get_lines(tactic_page, 0, -1, false)
-- The client sends the fixed text; the server then withdraws the finding.
local withdrawn = vim.wait(20000, function()
  for _, entry in ipairs(codes(tactic_page)) do
    if entry.code == "name-mismatch" or entry.code == "derived-out-of-date" then return false end
  end
  return true
end, 20)
report(mismatch ~= nil and fix ~= nil and vim.deep_equal(before, after) and withdrawn,
  "the wrong name on tactics/" .. tactic .. ".md is reported, the code action '" .. (fix and fix.title or "none")
  .. "' gives the page back and the finding is withdrawn")

-- 7. Rename the object's name from its page: every mention changes, nothing at or below the notes marker.
vim.api.nvim_set_current_buf(page)
line, column = find(page, technique)
local rename_at = position(page, line, column)
local prepared = request(page, "textDocument/prepareRename", rename_at)
rename_at.newName = "Short-Post Platform"
local rename = request(page, "textDocument/rename", rename_at)
local changed_files, notes_touched = 0, false
if rename then
  for uri, _ in pairs(rename.changes or {}) do
    changed_files = changed_files + 1
    local path = vim.uri_to_fname(uri)
    local notes = vim.fn.readfile(path)
    local marker_line
    for index, text in ipairs(notes) do
      if text:find("DO NOT EDIT ABOVE THIS LINE", 1, true) then marker_line = index - 1 end
    end
    for _, edit in ipairs(rename.changes[uri]) do
      if marker_line and edit.range.start.line >= marker_line then notes_touched = true end
    end
  end
  vim.lsp.util.apply_workspace_edit(rename, "utf-16")
  vim.cmd("silent! wall")
end
local renamed_heading = vim.fn.readfile(kb .. "/techniques/" .. technique .. ".md")[1] or ""
report(prepared ~= nil and changed_files >= 2 and not notes_touched
  and renamed_heading:find("Short-Post Platform", 1, true) ~= nil,
  "renaming the name edits " .. changed_files .. " files, none below the notes marker; the heading reads '"
  .. renamed_heading .. "'")

-- 8. The renamed knowledge base, as written by the client, has no name mismatch about the object that it did not
-- have before (`disarm lint`; a release may have some of its own).
report(mismatches_about(technique) <= mismatches_before,
  "disarm lint after the rename: " .. mismatches_about(technique) .. " name-mismatch findings about " .. technique
  .. " (" .. mismatches_before .. " before)")

vim.lsp.stop_client(client_id)
finish()
