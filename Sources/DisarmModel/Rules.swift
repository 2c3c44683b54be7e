import DisarmParser

/// The rule catalogue: every diagnostic `disarm` reports. Ids are stable; messages may change.
public enum Rules {
  // MARK: Reading
  public static let unreadableFile = Rule(
    id: "unreadable-file", severity: .error, summary: "A file or folder cannot be read.",
    explanation: "The page could not be opened or read (permissions, I/O error). Nothing else is checked for it, and `disarm` exits 2.")
  public static let binaryContent = Rule(
    id: "binary-content", severity: .error, summary: "A page contains NUL bytes.",
    explanation: "Pages are UTF-8 text. A NUL byte means a binary or corrupted file; the page is read as far as possible but never rewritten.")
  public static let invalidUTF8 = Rule(
    id: "invalid-utf8", severity: .error, summary: "A page is not valid UTF-8.",
    explanation: "The message gives the byte offset of the first invalid sequence. Re-save the page as UTF-8; it is never rewritten while invalid.")
  public static let unexpectedFile = Rule(
    id: "unexpected-file", severity: .warning, summary: "A file in a page folder is not a markdown page.",
    explanation: "Kind folders (`techniques/`, `tactics/`, …) hold `.md` pages only. Other files are ignored.")

  // MARK: Structure
  public static let fileNameNotID = Rule(
    id: "file-name-not-id", severity: .error, summary: "A page's file name is not a DISARM identifier of its folder's kind.",
    explanation: "A page is named by its identifier: `techniques/T0151.008.md`. Names such as `incidents/.md` or `techniques/T0039 .md` (with a space) cannot be linked to; the page is not loaded.")
  public static let wrongFolder = Rule(
    id: "wrong-folder", severity: .error, summary: "A page is in the folder of another kind.",
    explanation: "The file name is an identifier of another kind (`techniques/TA01.md`); move the page to that kind's folder.")
  public static let missingHeading = Rule(
    id: "missing-heading", severity: .error, summary: "A page has no `# Kind ID: Name` heading.",
    explanation: "Every object page starts with a level-1 heading such as `# Technique T0151.008: Microblogging Platform`; the object's name comes from it.")
  public static let headingIDMismatch = Rule(
    id: "heading-id-mismatch", severity: .error, summary: "The identifier in a page's heading differs from its file name.",
    explanation: "The file name is the identifier other pages link to; the heading must repeat it exactly, with no extra spaces.")
  public static let headingKindMismatch = Rule(
    id: "heading-kind-mismatch", severity: .warning, summary: "A page's heading names another kind than its folder.",
    explanation: "The heading's first word is the kind (`Technique`, `Tactic`, `Actor`, …) of the folder the page is in.")
  public static let duplicateID = Rule(
    id: "duplicate-id", severity: .error, summary: "Two pages define the same identifier (also when they differ only by case or spaces).",
    explanation: "Each identifier has exactly one page. `T0039.md` and `T0039 .md` or `t0039.md` name the same object; keep one page and merge the other's notes into it.")
  public static let missingNotesMarker = Rule(
    id: "missing-notes-marker", severity: .warning, summary: "A page has no `DO NOT EDIT ABOVE THIS LINE` marker.",
    explanation: "The marker line separates generated content from free notes. Without it the whole page is generated content, and regeneration appends the marker.")
  public static let malformedTableRow = Rule(
    id: "malformed-table-row", severity: .warning, summary: "A table row has the wrong number of cells (for example an unescaped `|` in a description).",
    explanation: "A table row has as many cells as its header. A `|` inside a description splits the cell; write it as `\\|`. The row is kept whole as the description.")
  public static let unreadableField = Rule(
    id: "unreadable-field", severity: .error, summary: "A field's value cannot be read (e.g. a tactic field without a tactic ID).",
    explanation: "Fields that name another object start with its identifier: `**Tactic**: TA07 Select Channels and Affordances`. A required field that is missing is reported too.")
  public static let emptySummary = Rule(
    id: "empty-summary", severity: .warning, summary: "An object's summary is missing or empty.",
    explanation: "Every object needs a summary: it is shown in indexes, exports and `disarm show`.")
  public static let mixedTemplates = Rule(
    id: "mixed-templates", severity: .warning, summary: "Technique pages use both the 2022 and the 2025 template.",
    explanation: "A knowledge base uses one template generation. Migrate with `disarm build --write --template 2025`.")

  // MARK: References
  public static let unresolvedLink = Rule(
    id: "unresolved-link", severity: .error, summary: "A field or link names an object that has no page.",
    explanation: "The target of every link and every object-valued field must exist. Response types and detections are warnings: they exist only where their index page does.")
  public static let unresolvedReference = Rule(
    id: "unresolved-reference", severity: .warning, summary: "An identifier mentioned in prose names no object.",
    explanation: "Codes in descriptions (`T0151.004: Chat Platform`) should name existing objects; typos such as `T00145.006` or retired codes are found here.")
  public static let nameMismatch = Rule(
    id: "name-mismatch", severity: .warning, summary: "A reference gives an object another name than its heading.",
    explanation: "Link texts, fields and inline `ID: Name` mentions repeat the object's name as its heading gives it. Derived places are fixed by `--fix`; prose must be edited.",
    isFixable: false)
  public static let brokenLink = Rule(
    id: "broken-link", severity: .error, summary: "A relative link does not lead to a page of the knowledge base.",
    explanation: "DISARM links have the form `../../generated_pages/<kind folder>/<ID>.md`; other relative links must stay inside the page folder and name an object page.")
  public static let parentMismatch = Rule(
    id: "parent-mismatch", severity: .warning, summary: "A Parent Technique field disagrees with the sub-technique's ID.",
    explanation: "`T0151.008`'s parent is `T0151`; the 2025 `**Parent Technique:**` field must say so.")
  public static let subtechniqueTacticMismatch = Rule(
    id: "subtechnique-tactic-mismatch", severity: .warning, summary: "A sub-technique belongs to another tactic than its parent.",
    explanation: "A sub-technique refines its parent and sits under the same tactic in the framework matrix.")

  // MARK: Consistency
  public static let derivedOutOfDate = Rule(
    id: "derived-out-of-date", severity: .warning, summary: "A page's derived content differs from what its owners say.",
    explanation: "Tables such as a technique's incidents or a tactic's techniques are derived from the pages that own those facts. Run `disarm lint --fix` (or `disarm build --write`) to regenerate them.",
    isFixable: true)
  public static let conflictingFact = Rule(
    id: "conflicting-fact", severity: .warning, summary: "The same fact has different values in different places.",
    explanation: "Some facts appear only in derived places (a counter's response type). Every place must agree with the first one read (the counters index, else the first Counters table).")
  public static let duplicateRow = Rule(
    id: "duplicate-row", severity: .warning, summary: "A table lists the same object twice.",
    explanation: "An object appears once per table; merge the descriptions of duplicate rows.")
  public static let stalePage = Rule(
    id: "stale-page", severity: .warning, summary: "A page's object is not listed in its kind's index page.",
    explanation: "DISARM's old generator never deleted pages of objects dropped from the framework. Such pages are left alone by regeneration; delete them or add the object back.")
  public static let orphanPage = Rule(
    id: "orphan-page", severity: .warning, summary: "No other page links to this object.",
    explanation: "In a knowledge base without index pages, every object should be reachable from another page (a tactic's table, an incident, …).")
  public static let unusedTactic = Rule(
    id: "unused-tactic", severity: .warning, summary: "No technique belongs to this tactic.",
    explanation: "A tactic with no technique is usually a dropped tactic whose page was left behind.")
  public static let missingPage = Rule(
    id: "missing-page", severity: .warning, summary: "An index lists an object that has no page.",
    explanation: "Index pages are derived from object pages; an index row without a page points at a deleted or renamed object.")
  public static let spreadsheetArtefact = Rule(
    id: "spreadsheet-artefact", severity: .warning, summary: "A value looks like a spreadsheet conversion artefact (`2016.0`, `nan`).",
    explanation: "Years written `2016.0` and empty cells written `nan` come from a spreadsheet export; write `2016` or leave the field empty.")
  public static let nameWhitespace = Rule(
    id: "name-whitespace", severity: .warning, summary: "A name has leading or trailing spaces.",
    explanation: "Names are compared and exported exactly; stray spaces make `A001 data scientist ` differ from `data scientist`. `--fix` trims the heading.",
    isFixable: true)

  // MARK: Regeneration
  public static let pageNotRegenerated = Rule(
    id: "page-not-regenerated", severity: .note,
    summary: "A page is left as it is: it is stale, has errors, or holds text outside fields and tables.",
    explanation: "Regeneration never drops text: a page it cannot rebuild completely is not written.")

  /// Every rule, in catalogue order.
  public static let all: [Rule] = [
    unreadableFile, binaryContent, invalidUTF8, unexpectedFile,
    fileNameNotID, wrongFolder, missingHeading, headingIDMismatch, headingKindMismatch, duplicateID, missingNotesMarker,
    malformedTableRow, unreadableField, emptySummary, mixedTemplates,
    unresolvedLink, unresolvedReference, nameMismatch, brokenLink, parentMismatch, subtechniqueTacticMismatch,
    derivedOutOfDate, conflictingFact, duplicateRow, stalePage, orphanPage, unusedTactic, missingPage, spreadsheetArtefact,
    nameWhitespace, pageNotRegenerated,
  ]

  /// The rule with `id`, if any.
  public static func rule(_ id: String) -> Rule? { all.first { $0.id == id } }
}
