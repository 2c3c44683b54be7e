import DisarmDiagnostics
import DisarmFramework
import DisarmLint
import DisarmModel
import DisarmParser
import DisarmRegeneration
import DisarmSupport

/// The `disarm.json` document: every object with its fields, relations and source, plus the diagnostics.
///
/// Its shape is published in `schema/disarm.schema.json`; bump ``schemaVersion`` on any incompatible change.
public enum KnowledgeBaseJSON {
  /// Version of the document's shape.
  public static let schemaVersion = 1

  /// The whole document as a value.
  public static func document(for checked: CheckedKnowledgeBase, generator: String) -> JSONValue {
    let kb = checked.kb
    var objects: [String: JSONValue] = [:]
    for kind in ObjectKind.allCases {
      objects[kind.plural] = .array(kb.objects(of: kind).map { object($0, in: kb) })
    }
    guard case .object(var members) = frame(for: checked, generator: generator) else { return .null }
    members["objects"] = .object(objects)
    return .object(members)
  }

  /// The document's bytes, exactly `JSONWriter.write(document(for:generator:))`, written object by object so that
  /// the value tree of a large knowledge base never exists all at once.
  public static func bytes(for checked: CheckedKnowledgeBase, generator: String) -> [UInt8] {
    var all: [UInt8] = []
    write(for: checked, generator: generator) { all += $0 }
    return all
  }

  /// The document's bytes in chunks of about a megabyte, for writing straight to a file.
  public static func write(for checked: CheckedKnowledgeBase, generator: String, chunk: ([UInt8]) -> Void) {
    let kb = checked.kb
    guard case .object(var members) = frame(for: checked, generator: generator) else { return }
    members["objects"] = .null
    var output: [UInt8] = []
    output.reserveCapacity(1 << 20)
    func flushIfFull() {
      if output.count >= 1 << 20 {
        chunk(output)
        output.removeAll(keepingCapacity: true)
      }
    }
    output.append(UInt8(ascii: "{"))
    for (index, key) in members.keys.sorted().enumerated() {
      if index > 0 { output.append(UInt8(ascii: ",")) }
      JSONWriter.newline(1, into: &output)
      JSONWriter.writeString(key, into: &output)
      output += ": ".utf8
      guard key == "objects" else {
        JSONWriter.write(members[key]!, indent: 1, into: &output)
        continue
      }
      output.append(UInt8(ascii: "{"))
      for (kindIndex, kind) in ObjectKind.allCases.sorted(by: { $0.plural < $1.plural }).enumerated() {
        if kindIndex > 0 { output.append(UInt8(ascii: ",")) }
        JSONWriter.newline(2, into: &output)
        JSONWriter.writeString(kind.plural, into: &output)
        output += ": ".utf8
        let list = kb.objects(of: kind)
        guard !list.isEmpty else {
          output += "[]".utf8
          continue
        }
        output.append(UInt8(ascii: "["))
        // Objects are written on all cores, a batch at a time (so that memory stays bounded on a large knowledge
        // base), and joined in order: the bytes are those of writing them one by one.
        let batchSize = 1024
        for batchStart in stride(from: 0, to: list.count, by: batchSize) {
          let batch = Array(list[batchStart..<min(batchStart + batchSize, list.count)].enumerated())
          let written = ParallelMap.map(batch) { objectIndex, item -> [UInt8] in
            var bytes: [UInt8] = []
            if batchStart + objectIndex > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONWriter.newline(3, into: &bytes)
            JSONWriter.write(object(item, in: kb), indent: 3, into: &bytes)
            return bytes
          }
          for bytes in written {
            output += bytes
            flushIfFull()
          }
        }
        JSONWriter.newline(2, into: &output)
        output.append(UInt8(ascii: "]"))
      }
      JSONWriter.newline(1, into: &output)
      output.append(UInt8(ascii: "}"))
    }
    JSONWriter.newline(0, into: &output)
    output.append(UInt8(ascii: "}"))
    output.append(UInt8(ascii: "\n"))
    chunk(output)
  }

  /// Every top-level member but `objects`.
  static func frame(for checked: CheckedKnowledgeBase, generator: String) -> JSONValue {
    let kb = checked.kb
    var counts: [String: JSONValue] = [:]
    for kind in ObjectKind.allCases { counts[kind.plural] = .int(kb.objects(of: kind).count) }
    var members: [String: JSONValue] = [
      "schemaVersion": .int(schemaVersion),
      "generator": .string(generator),
      "template": .string(kb.template.rawValue),
      "counts": .object(counts),
      "summary": .object([
        "errors": .int(checked.count(.error)),
        "warnings": .int(checked.count(.warning)),
        "notes": .int(checked.count(.note)),
        "stalePages": .int(kb.objects.values.filter(\.isStale).count),
      ]),
      "tacticOrder": .array(kb.tacticOrder.map { .string($0.string) }),
      "framework": framework(kb.framework),
      "unassignedPages": .array(kb.unassignedPages.map(\.path).sorted().map { .string($0) }),
      "diagnostics": .array(checked.diagnostics.map(\.json)),
    ]
    if let upstream = kb.upstream {
      let local = kb.ownObjectCounts().total
      members["upstream"] = .object([
        "label": .string(upstream.label), "release": .string(upstream.release.setting.release),
        "localObjects": .int(local), "upstreamObjects": .int(kb.objects.count - local),
      ])
    }
    return .object(members)
  }

  /// The framework description the knowledge base was read with: its name, title and, by role, its words.
  static func framework(_ framework: FrameworkDescription) -> JSONValue {
    var kinds: [String: JSONValue] = [:]
    for kind in framework.kinds {
      kinds[kind.role.plural] = .object([
        "singular": .string(kind.singular), "plural": .string(kind.plural), "heading": .optional(kind.heading),
        "folder": .optional(kind.folder), "example": .string(kind.id.example),
      ])
    }
    return .object(["name": .string(framework.name), "title": .string(framework.title), "kinds": .object(kinds)])
  }

  /// One object, with what its page says and how it links to the rest.
  public static func object(_ object: DisarmObject, in kb: KnowledgeBase) -> JSONValue {
    var members: [String: JSONValue] = [
      "id": .string(object.id.string),
      "kind": .string(object.kind.rawValue),
      "kindName": .string(kb.words(object.kind).singular),
      "name": .string(object.name),
      "file": .string(object.file),
      "line": .int(object.line),
      "stale": .bool(object.isStale),
      "summary": .optional(object.summary?.text),
      "template": .optional(object.template?.rawValue),
      "fields": .array(object.fields.map(field)),
      "attributes": .object(
        Dictionary(object.attributes.map { ($0.key, JSONValue.string($0.value)) }, uniquingKeysWith: { a, _ in a })),
      "relations": .array(kb.outgoing(object.id).map(outgoing)),
      "incoming": .array(kb.incoming(object.id).map(incoming)),
      "references": .array(kb.references(of: object.id).map(reference)),
    ]
    if let origin = kb.origin(of: object.id) { members["origin"] = .string(origin.rawValue) }
    if let page = object.page {
      members["tables"] = .array(page.tables.map(table))
      members["hasNotesMarker"] = .bool(page.notes != nil)
      members["notes"] = .optional(page.notes?.text)
    } else {
      members["tables"] = .array([])
      members["hasNotesMarker"] = .bool(false)
      members["notes"] = .null
    }
    return .object(members)
  }

  static func field(_ field: Field) -> JSONValue {
    .object([
      "label": .string(field.label),
      "key": .string(field.key),
      "style": .string(field.style.rawValue),
      "value": .string(field.value.text),
      "line": .int(field.value.range.start.line),
      "column": .int(field.value.range.start.column),
    ])
  }

  static func table(_ table: MarkdownTable) -> JSONValue {
    .object([
      "columns": .array(table.columns.map { .string($0) }),
      "line": .int(table.header.range.start.line),
      "rows": .array(
        table.rows.map { row in
          .object([
            "line": .int(row.source.range.start.line),
            "cells": .array(row.cells.map { .string($0.text) }),
          ])
        }),
    ])
  }

  static func outgoing(_ relation: Relation) -> JSONValue {
    var members: [String: JSONValue] = [
      "type": .string(relation.kind.rawValue),
      "target": .string(relation.target.string),
      "resolved": .bool(relation.isResolved),
      "file": .string(relation.file),
      "line": .int(relation.position.line),
      "column": .int(relation.position.column),
    ]
    if let description = relation.description { members["description"] = .string(description) }
    return .object(members)
  }

  static func incoming(_ relation: Relation) -> JSONValue {
    .object(["type": .string(relation.kind.rawValue), "source": .string(relation.source.string)])
  }

  static func reference(_ reference: ResolvedReference) -> JSONValue {
    .object([
      "code": .string(reference.reference.code.text),
      "kind": .string(reference.reference.kind.rawValue),
      "name": .optional(reference.reference.name?.text),
      "resolved": .bool(reference.isResolved),
      "line": .int(reference.reference.code.range.start.line),
      "column": .int(reference.reference.code.range.start.column),
    ])
  }
}
